import { Box, Stack, Typography } from '@mui/material';
import { Labeled, Link, SelectField, Show, SimpleShowLayout, TextField, TopToolbar, useRecordContext, useTranslate } from 'react-admin';
import { MoneyField } from '../shared/MoneyField';
import { StoreDateField } from '../shared/StoreDateField';
import { useActorName } from '../shared/usePeople';
import { useRecordLoadError } from '../shared/useRecordLoadError';
import { timelineRefreshMs } from '../workflows/workflow-choices';
import { CancelReturnButton } from './CancelReturnButton';
import { ReceiveReturnPanel } from './ReceiveReturnPanel';
import { storeCreditCodesOf } from './refund-method';
import { isSettled, refundMethodChoices, returnReasonChoices, type ReturnRecord, returnStatusChoices } from './return-record';
import { ReturnApprovalState } from './ReturnApprovalState';
import { ReturnLinesTable } from './ReturnLinesTable';
import { ReturnTimeline } from './ReturnTimeline';

/** A wide table scrolls inside the page, never the page itself (a phone is 390 px). */
export const scrollsOnItsOwn = { maxWidth: 'calc(100vw - 48px)', overflowX: 'auto' } as const;

function ReturnShowActions() {
  return (
    <TopToolbar>
      <CancelReturnButton />
    </TopToolbar>
  );
}

/** The order the items were bought with, by the number the customer knows. */
function ReturnOrderLink(_props: { label?: string }) {
  const record = useRecordContext<ReturnRecord>();
  if (record === undefined) return null;
  return (
    <Link to={`/orders/${encodeURIComponent(record.orderId)}/show`} className="return-order-link" sx={{ overflowWrap: 'anywhere' }}>
      {record.orderExternalId}
    </Link>
  );
}

function RequesterName(_props: { label?: string }) {
  const record = useRecordContext<ReturnRecord>();
  const actorName = useActorName();
  if (record === undefined) return null;
  return (
    <Typography component="span" variant="body2">
      {actorName(record.requestedByUserId ?? record.requestedByLabel)}
    </Typography>
  );
}

function ProofOfPurchase(_props: { label?: string }) {
  const record = useRecordContext<ReturnRecord>();
  const translate = useTranslate();
  if (record === undefined) return null;
  return (
    <Typography component="span" variant="body2">
      {translate(record.proofOfPurchase ? 'omni.return.yes' : 'omni.return.no')}
    </Typography>
  );
}

/** The codes a store-credit refund issued, for the customer to spend at the till; each opens its balance and spends. */
function StoreCreditCodes(_props: { label?: string }) {
  const record = useRecordContext<ReturnRecord>();
  if (record === undefined) return null;
  const codes = storeCreditCodesOf(record);
  if (codes.length === 0) return <Typography variant="body2">—</Typography>;
  return (
    <Typography component="span" variant="body2" className="store-credit-codes" sx={{ fontFamily: 'monospace', overflowWrap: 'anywhere' }}>
      {codes.map((code, index) => (
        <span key={code}>
          {index > 0 && ', '}
          <Link to={`/store-credits?filter=${encodeURIComponent(JSON.stringify({ code }))}`}>{code}</Link>
        </span>
      ))}
    </Typography>
  );
}

/** When a rejected return's items went back to the customer; before that, that they still wait. */
function HandedBack(_props: { label?: string }) {
  const record = useRecordContext<ReturnRecord>();
  const translate = useTranslate();
  if (record === undefined) return null;
  if (record.handedBackAt === null)
    return (
      <Typography component="span" variant="body2" className="return-handed-back">
        {translate('omni.return.not_handed_back_yet')}
      </Typography>
    );
  return (
    <span className="return-handed-back">
      <StoreDateField source="handedBackAt" showTime />
    </span>
  );
}

/** Only what applies: the store credit code of a store-credit refund, the hand-back of a rejected return. */
function RefundOutcomeFields() {
  const record = useRecordContext<ReturnRecord>();
  if (record === undefined) return null;
  return (
    <>
      {record.refundMethod === 'STORE_CREDIT' && (
        <Labeled label="omni.return.store_credit_code">
          <StoreCreditCodes />
        </Labeled>
      )}
      {record.status === 'REJECTED' && (
        <Labeled source="handedBackAt">
          <HandedBack />
        </Labeled>
      )}
    </>
  );
}

/**
 * One return: what came back and why, the refund per line as money, the approval, the link to its order,
 * and its run's timeline. The return and its run refresh while it is not settled.
 */
export function ReturnShow() {
  const onLoadError = useRecordLoadError();
  const translate = useTranslate();
  return (
    <Show
      actions={<ReturnShowActions />}
      queryOptions={{
        onError: onLoadError,
        refetchInterval: (query) => (isSettled(query.state.data as ReturnRecord | undefined) ? false : timelineRefreshMs),
      }}
    >
      <SimpleShowLayout>
        <ReceiveReturnPanel />
        <Stack direction="row" spacing={4} useFlexGap sx={{ flexWrap: 'wrap' }}>
          <Labeled label="omni.return.order">
            <ReturnOrderLink />
          </Labeled>
          <Labeled>
            <TextField source="customerName" emptyText="—" sx={{ overflowWrap: 'anywhere' }} />
          </Labeled>
          <Labeled>
            <SelectField source="status" choices={returnStatusChoices} className="return-status" />
          </Labeled>
          <Labeled>
            <TextField source="channelCode" />
          </Labeled>
          <Labeled>
            <TextField source="storeCode" emptyText="—" className="return-store-code" />
          </Labeled>
          <Labeled>
            <MoneyField source="refundTotalMinor" />
          </Labeled>
          <Labeled>
            <SelectField source="refundMethod" choices={refundMethodChoices} className="return-refund-method" />
          </Labeled>
          <RefundOutcomeFields />
          <Labeled>
            <StoreDateField source="createdAt" showTime />
          </Labeled>
          <Labeled label="omni.return.requested_by">
            <RequesterName />
          </Labeled>
        </Stack>
        <Stack direction="row" spacing={4} useFlexGap sx={{ flexWrap: 'wrap' }}>
          <Labeled>
            <SelectField source="reasonCode" choices={returnReasonChoices} />
          </Labeled>
          <Labeled>
            <TextField source="reason" sx={{ overflowWrap: 'anywhere' }} />
          </Labeled>
          <Labeled source="proofOfPurchase">
            <ProofOfPurchase />
          </Labeled>
          <Labeled>
            <TextField source="overrideReason" emptyText="—" sx={{ overflowWrap: 'anywhere' }} />
          </Labeled>
        </Stack>
        <Typography variant="subtitle1">{translate('omni.return.lines')}</Typography>
        <Box sx={scrollsOnItsOwn}>
          <ReturnLinesTable />
        </Box>
        <Typography variant="subtitle1">{translate('omni.return.approval_title')}</Typography>
        <ReturnApprovalState />
        <ReturnTimeline />
      </SimpleShowLayout>
    </Show>
  );
}
