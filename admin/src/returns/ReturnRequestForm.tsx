import {
  Alert,
  Button,
  Checkbox,
  FormControl,
  FormControlLabel,
  FormLabel,
  MenuItem,
  Radio,
  RadioGroup,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { type HttpError, useNotify, usePermissions, useRedirect, useTranslate } from 'react-admin';
import { type Permissions, isConfinedToStore } from '../auth/permissions';
import { useLocaleFormat } from '../shared/useLocaleFormat';
import { itemGrades, mayHoldReturnableItems, returnableUnits, returnReasons, type ReturnableOrder } from './return-record';
import {
  type LineEntry,
  type LineRefusal,
  lineProblem,
  needsOverride,
  refusalsByLine,
  type ReturnRequestBody,
  requestedLines,
} from './return-request';
import { refundChoiceFor, type TillRefundMethod } from './refund-method';
import { useReturnActions } from './useReturnActions';
import { ActiveStoreSelect } from '../shared/ActiveStoreSelect';

/** The API's bound of the free texts (returns.validators.ts). */
const maxTextLength = 500;
const emptyEntry: LineEntry = { quantity: '', conditionSeen: '' };

/**
 * What comes back of one order: units per line (0 up to what the customer can still return), the
 * condition seen, the reason, proof of purchase and, for a late return, why it is taken anyway. A refusal
 * of the API is shown on the line it is about, in words; nothing is written until every line passes.
 */
export function ReturnRequestForm({ order }: { order: ReturnableOrder }) {
  const translate = useTranslate();
  const format = useLocaleFormat();
  const notify = useNotify();
  const redirect = useRedirect();
  const { permissions } = usePermissions<Permissions>();
  const headOffice = permissions !== undefined && !isConfinedToStore(permissions);
  const { requestReturn } = useReturnActions();
  const [entries, setEntries] = useState<Record<string, LineEntry>>({});
  const [reasonCode, setReasonCode] = useState('');
  const [reason, setReason] = useState('');
  const [proofOfPurchase, setProofOfPurchase] = useState(true);
  const [late, setLate] = useState(false);
  const [overrideReason, setOverrideReason] = useState('');
  const [storeId, setStoreId] = useState('');
  const refundChoice = refundChoiceFor(order.refundRoute);
  // Asked, never assumed: the customer says whether they want cash or store credit.
  const [refundMethod, setRefundMethod] = useState<TillRefundMethod | ''>('');
  const [refusals, setRefusals] = useState<Record<string, LineRefusal[]>>({});
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  const sent = requestedLines(order.lines, entries);
  const units = sent.reduce((sum, line) => sum + line.quantity, 0);
  const problems = order.lines.some((line) => lineProblem(line, entries[line.id]) !== null);
  const complete =
    units > 0 &&
    !problems &&
    reasonCode !== '' &&
    reason.trim() !== '' &&
    (!late || overrideReason.trim() !== '') &&
    (!headOffice || storeId !== '') &&
    (refundChoice.kind === 'original' || refundMethod !== '');

  const { mutate, isPending } = useMutation({
    mutationFn: (body: ReturnRequestBody) => requestReturn(body),
    onSuccess: ({ data }) => {
      notify('omni.return.created', { type: 'success' });
      redirect('show', 'returns', data.id);
    },
    onError: (error: Error, body) => {
      const errors = (error as HttpError).body as { errors?: Record<string, string> } | undefined;
      const { byLine, other } = refusalsByLine(body.lines, errors?.errors ?? {});
      setRefusals(byLine);
      setFieldErrors(other);
      if (needsOverride(byLine)) setLate(true);
      notify(Object.keys(byLine).length > 0 ? 'omni.return.refused' : error.message, { type: 'error' });
    },
  });

  const submit = () =>
    mutate({
      orderId: order.id,
      ...(headOffice && { storeId }),
      lines: sent,
      reasonCode,
      reason: reason.trim(),
      ...(late && { overrideReason: overrideReason.trim() }),
      proofOfPurchase,
      ...(refundChoice.kind === 'choose' && refundMethod !== '' && { refundMethod }),
    });
  const setEntry = (lineId: string, change: Partial<LineEntry>) => {
    setEntries((current) => ({ ...current, [lineId]: { ...(current[lineId] ?? emptyEntry), ...change } }));
    setRefusals(({ [lineId]: _dropped, ...others }) => others);
  };

  return (
    <Stack spacing={2} className="return-request-form" sx={{ maxWidth: 760 }}>
      <Typography variant="h6" sx={{ overflowWrap: 'anywhere' }}>
        {translate('omni.return.order_summary', {
          externalId: order.externalId,
          channel: order.channelCode,
          customer: order.customerName ?? translate('omni.return.no_customer'),
        })}
      </Typography>
      {!mayHoldReturnableItems(order) && (
        <Alert severity="warning">
          {translate('omni.return.order_not_returnable', { status: translate(`omni.order_status.${order.status}`) })}
        </Alert>
      )}
      <Typography variant="subtitle1">{translate('omni.return.lines_title')}</Typography>
      <Typography variant="body2">{translate('omni.return.lines_help')}</Typography>
      <Stack spacing={1} className="return-lines-form">
        {order.lines.map((line) => {
          const entry = entries[line.id] ?? emptyEntry;
          const returnable = returnableUnits(line);
          const problem = lineProblem(line, entry);
          const refused = refusals[line.id] ?? [];
          const helper =
            problem === 'not_a_number'
              ? translate('omni.return.not_a_number')
              : problem === 'more_than_returnable'
                ? translate('omni.return.more_than_returnable', { smart_count: returnable })
                : refused.length > 0
                  ? refused.map((refusal) => translate(`omni.return.refusal.${refusal.code}`, { _: refusal.message })).join(' ')
                  : returnable === 0
                    ? translate('omni.return.nothing_returnable')
                    : translate('omni.return.returnable_of', { smart_count: returnable });
          return (
            <Stack
              key={line.id}
              direction="row"
              spacing={2}
              useFlexGap
              className="return-line"
              data-sku={line.sku}
              sx={{ flexWrap: 'wrap', alignItems: 'flex-start', borderBottom: 1, borderColor: 'divider', pb: 1 }}
            >
              <Stack sx={{ flex: '1 1 14rem', minWidth: 0 }}>
                <Typography variant="body1" sx={{ overflowWrap: 'anywhere' }}>
                  {line.name}
                </Typography>
                <Typography variant="body2" color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>
                  {translate('omni.return.line_facts', {
                    sku: line.sku,
                    price: format.money(line.unitPriceMinor, order.currency),
                    bought: format.count(line.deliveredQuantity),
                    returned: format.count(line.returnedQuantity),
                  })}
                </Typography>
              </Stack>
              <TextField
                type="number"
                name={`quantity-${line.id}`}
                label={translate('omni.return.units_to_return')}
                value={entry.quantity}
                disabled={returnable === 0}
                error={problem !== null || refused.length > 0}
                helperText={helper}
                onChange={(event) => setEntry(line.id, { quantity: event.target.value })}
                sx={{ flex: '0 1 10rem', minWidth: '8rem' }}
                slotProps={{
                  htmlInput: {
                    min: 0,
                    max: returnable,
                    inputMode: 'numeric',
                    'aria-label': `${translate('omni.return.units_to_return')} ${line.sku}`,
                  },
                }}
              />
              <TextField
                select
                name={`condition-${line.id}`}
                label={translate('omni.return.condition_seen')}
                value={entry.conditionSeen}
                disabled={returnable === 0}
                onChange={(event) => setEntry(line.id, { conditionSeen: event.target.value })}
                sx={{ flex: '0 1 11rem', minWidth: '9rem' }}
                slotProps={{ htmlInput: { 'aria-label': `${translate('omni.return.condition_seen')} ${line.sku}` } }}
              >
                <MenuItem value="">{translate('omni.return.condition_not_said')}</MenuItem>
                {itemGrades.map((grade) => (
                  <MenuItem key={grade} value={grade}>
                    {translate(`omni.return.grade.${grade}`)}
                  </MenuItem>
                ))}
              </TextField>
            </Stack>
          );
        })}
      </Stack>

      <Typography variant="subtitle1">{translate('omni.return.reason_title')}</Typography>
      <TextField
        select
        name="reasonCode"
        label={translate('resources.returns.fields.reasonCode')}
        value={reasonCode}
        onChange={(event) => setReasonCode(event.target.value)}
        error={fieldErrors.reasonCode !== undefined}
        helperText={fieldErrors.reasonCode ?? ' '}
        required
      >
        {returnReasons.map((code) => (
          <MenuItem key={code} value={code}>
            {translate(`omni.return.reason_code.${code}`)}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        name="reason"
        label={translate('resources.returns.fields.reason')}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        error={fieldErrors.reason !== undefined}
        helperText={fieldErrors.reason ?? translate('omni.return.reason_help')}
        multiline
        minRows={2}
        required
        slotProps={{ htmlInput: { maxLength: maxTextLength } }}
      />
      <FormControlLabel
        control={
          <Checkbox checked={proofOfPurchase} onChange={(event) => setProofOfPurchase(event.target.checked)} name="proofOfPurchase" />
        }
        label={translate('omni.return.proof_of_purchase')}
        sx={{ minHeight: 48 }}
      />
      {!proofOfPurchase && <Alert severity="info">{translate('omni.return.no_proof_note')}</Alert>}
      <FormControlLabel
        control={<Checkbox checked={late} onChange={(event) => setLate(event.target.checked)} name="outsideWindow" />}
        label={translate('omni.return.outside_window')}
        sx={{ minHeight: 48 }}
      />
      {late && (
        <TextField
          name="overrideReason"
          label={translate('omni.return.override_reason')}
          value={overrideReason}
          onChange={(event) => setOverrideReason(event.target.value)}
          error={fieldErrors.overrideReason !== undefined || (needsOverride(refusals) && overrideReason.trim() === '')}
          helperText={fieldErrors.overrideReason ?? translate('omni.return.override_help')}
          multiline
          required
          slotProps={{ htmlInput: { maxLength: maxTextLength } }}
        />
      )}
      <Typography variant="subtitle1">{translate('omni.return.refund_title')}</Typography>
      {refundChoice.kind === 'choose' ? (
        <FormControl error={fieldErrors.refundMethod !== undefined} className="refund-method-choice">
          <FormLabel id="refund-method-label">{translate('omni.return.refund_method_ask')}</FormLabel>
          <RadioGroup
            aria-labelledby="refund-method-label"
            name="refundMethod"
            value={refundMethod}
            onChange={(event) => setRefundMethod(event.target.value as TillRefundMethod)}
          >
            {refundChoice.methods.map((method) => (
              <FormControlLabel
                key={method}
                value={method}
                control={<Radio />}
                label={translate(`omni.return.refund_method.${method}`)}
                sx={{ minHeight: 48 }}
              />
            ))}
          </RadioGroup>
          <Typography variant="body2" color={fieldErrors.refundMethod === undefined ? 'text.secondary' : 'error'}>
            {fieldErrors.refundMethod ?? translate('omni.return.refund_method_help')}
          </Typography>
        </FormControl>
      ) : (
        <Alert severity="info" className="refund-to-original">
          {translate(refundChoice.saying, { channel: order.channelCode })}
        </Alert>
      )}
      {headOffice && (
        <ActiveStoreSelect
          name="storeId"
          label={translate('omni.return.receiving_store')}
          value={storeId}
          onChange={setStoreId}
          helperText={fieldErrors.storeId ?? translate('omni.return.receiving_store_help')}
          error={fieldErrors.storeId !== undefined}
        />
      )}
      <div>
        <Button
          variant="contained"
          size="large"
          disabled={!complete || isPending}
          onClick={submit}
          className="return-submit"
          sx={{ minHeight: 48 }}
        >
          {units > 0 ? translate('omni.return.submit', { smart_count: units }) : translate('omni.return.submit_none')}
        </Button>
        {problems && (
          <Typography variant="body2" color="error" sx={{ mt: 1 }}>
            {translate('omni.return.submit_fix')}
          </Typography>
        )}
      </div>
    </Stack>
  );
}
