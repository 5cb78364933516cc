import { Alert } from '@mui/material';
import { DateField, Link, Show, SimpleShowLayout, TextField, useRecordContext, useTranslate } from 'react-admin';
import { MoneyField } from '../shared/MoneyField';
import { RedeemStoreCreditForm } from './RedeemStoreCreditForm';
import { StoreCreditRedemptions } from './StoreCreditRedemptions';
import { isSpendable, type StoreCreditRecord } from './store-credit-record';

function IssuedFor() {
  const credit = useRecordContext<StoreCreditRecord>();
  const translate = useTranslate();
  if (credit?.returnId == null) return null;
  return <Link to={`/returns/${encodeURIComponent(credit.returnId)}/show`}>{translate('omni.store_credit.open_return')}</Link>;
}

function NotSpendable() {
  const credit = useRecordContext<StoreCreditRecord>();
  const translate = useTranslate();
  if (credit === undefined || isSpendable(credit)) return null;
  return <Alert severity="info">{translate(credit.balanceMinor === 0 ? 'omni.store_credit.used_up' : 'omni.store_credit.expired')}</Alert>;
}

/** One store credit: what is left, where it came from, every spend, and the till's form to spend it. */
export function StoreCreditShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <TextField source="code" />
        <MoneyField source="balanceMinor" />
        <MoneyField source="amountMinor" />
        <TextField source="customerName" emptyText="—" />
        <TextField source="issuedAtStoreName" />
        <DateField source="createdAt" showTime />
        <DateField source="expiresAt" emptyText="—" />
        <IssuedFor />
        <NotSpendable />
        <RedeemStoreCreditForm />
        <StoreCreditRedemptions />
      </SimpleShowLayout>
    </Show>
  );
}
