import { Button, Stack, TextField, Typography } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { type HttpError, useDataProvider, useNotify, usePermissions, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { minorUnitExponent } from '../../../domain/money/currency-exponent';
import { isConfinedToStore, type Permissions } from '../auth/permissions';
import { type OmnichannelDataProvider } from '../data/data-provider';
import { minorFromTypedMoney } from '../shared/typed-money';
import { useLocaleFormat } from '../shared/useLocaleFormat';
import { isSpendable, type StoreCreditRecord } from './store-credit-record';
import { ActiveStoreSelect } from '../shared/ActiveStoreSelect';

/**
 * "Pay with store credit" at the till: the amount of the sale it pays (typed as on the receipt: "150.000"
 * rupiah, "12,50" euros) and the receipt number; head office names the store whose till it is. The API's
 * field errors (more than is left) are shown on the fields; a retried click with the same receipt spends
 * nothing twice.
 */
export function RedeemStoreCreditForm() {
  const credit = useRecordContext<StoreCreditRecord>();
  const translate = useTranslate();
  const format = useLocaleFormat();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<OmnichannelDataProvider>();
  const { permissions } = usePermissions<Permissions>();
  const headOffice = permissions !== undefined && !isConfinedToStore(permissions);
  const [amount, setAmount] = useState('');
  const [receiptNumber, setReceiptNumber] = useState('');
  const [storeId, setStoreId] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const { mutate, isPending } = useMutation({
    mutationFn: (body: { amountMinor: number; receiptNumber: string; storeId?: string }) =>
      dataProvider.recordAction<StoreCreditRecord>('store-credits', { id: credit?.id ?? '', action: 'redeem', body }),
    onSuccess: ({ data }) => {
      notify('omni.store_credit.spent', { type: 'success', messageArgs: { balance: format.money(data.balanceMinor, data.currency) } });
      setAmount('');
      setReceiptNumber('');
      setFieldErrors({});
      refresh();
    },
    onError: (error: Error) => {
      setFieldErrors(((error as HttpError).body as { errors?: Record<string, string> } | undefined)?.errors ?? {});
      notify(error.message, { type: 'error' });
    },
  });
  if (credit === undefined || !isSpendable(credit)) return null;

  const amountMinor = amount.trim() === '' ? null : minorFromTypedMoney(amount, minorUnitExponent(credit.currency));
  const tooMuch = amountMinor !== null && amountMinor > credit.balanceMinor;
  const amountProblem =
    amount.trim() !== '' && (amountMinor === null || amountMinor === 0)
      ? translate('omni.store_credit.amount_invalid')
      : tooMuch
        ? translate('omni.store_credit.amount_too_much', { balance: format.money(credit.balanceMinor, credit.currency) })
        : fieldErrors.amountMinor;
  const ready = amountMinor !== null && amountMinor > 0 && !tooMuch && receiptNumber.trim() !== '' && (!headOffice || storeId !== '');
  const submit = () => {
    if (amountMinor === null) return;
    mutate({ amountMinor, receiptNumber: receiptNumber.trim(), ...(headOffice && { storeId }) });
  };

  return (
    <Stack spacing={2} className="redeem-store-credit-form" sx={{ maxWidth: 480 }}>
      <Typography variant="subtitle1">{translate('omni.store_credit.redeem_title')}</Typography>
      <TextField
        name="amount"
        label={translate('omni.store_credit.amount_to_spend', { currency: credit.currency })}
        value={amount}
        onChange={(event) => setAmount(event.target.value)}
        error={amountProblem !== undefined}
        helperText={
          amountProblem ?? translate('omni.store_credit.amount_help', { balance: format.money(credit.balanceMinor, credit.currency) })
        }
        slotProps={{ htmlInput: { inputMode: 'decimal', autoComplete: 'off' } }}
      />
      <TextField
        name="receiptNumber"
        label={translate('omni.store_credit.receipt')}
        value={receiptNumber}
        onChange={(event) => setReceiptNumber(event.target.value)}
        error={fieldErrors.receiptNumber !== undefined}
        helperText={fieldErrors.receiptNumber ?? translate('omni.store_credit.receipt_help')}
        slotProps={{ htmlInput: { maxLength: 100, autoComplete: 'off' } }}
      />
      {headOffice && (
        <ActiveStoreSelect
          name="storeId"
          label={translate('omni.store_credit.till_store')}
          value={storeId}
          onChange={setStoreId}
          helperText={fieldErrors.storeId}
          error={fieldErrors.storeId !== undefined}
        />
      )}
      <div>
        <Button variant="contained" size="large" disabled={!ready || isPending} onClick={submit} sx={{ minHeight: 48 }}>
          {amountMinor !== null && amountMinor > 0 && !tooMuch
            ? translate('omni.store_credit.spend_amount', { amount: format.money(amountMinor, credit.currency) })
            : translate('omni.store_credit.spend')}
        </Button>
      </div>
    </Stack>
  );
}
