import { Chip, Stack, Tooltip, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { useLocaleFormat } from '../shared/useLocaleFormat';
import { useActorName } from '../shared/usePeople';
import { correctionOf, priceInColumnOf, type DiscrepancyRecord } from './discrepancy-record';
import { useCurrencyOf } from './useCurrencyOfStore';

const signed = (value: number) => (value > 0 ? `+${value}` : String(value));

/**
 * One of the three numbers (journal, system, channel); "—" when that view has none. A price drift shows
 * prices instead, in the product's currency: expected (System) and shown on the channel (Channel).
 */
export function QuantityField({ source }: { source: 'journalQty' | 'systemQty' | 'channelQty'; label?: string }) {
  const record = useRecordContext<DiscrepancyRecord>();
  const format = useLocaleFormat();
  const translate = useTranslate();
  const currencyOf = useCurrencyOf();
  const price = record === undefined ? null : priceInColumnOf(record, source);
  if (price !== null && price.kind !== 'none') {
    const currency = currencyOf(record);
    return (
      <Stack sx={{ alignItems: 'flex-end' }} className={`price-${price.kind}`} data-price-minor={price.minor ?? ''}>
        <Typography component="span" variant="body2" sx={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
          {price.minor === null ? '—' : currency === undefined ? format.count(price.minor) : format.money(price.minor, currency)}
        </Typography>
        <Typography component="span" variant="caption" color="text.secondary">
          {translate(`omni.discrepancy.price_${price.kind}`)}
        </Typography>
      </Stack>
    );
  }
  const value = record?.[source];
  return (
    <Typography component="span" variant="body2" className={`qty-${source}`} sx={{ fontVariantNumeric: 'tabular-nums' }}>
      {value === null || value === undefined ? '—' : format.count(value)}
    </Typography>
  );
}

/** The correction to apply (signed units), the reviewer's edit shown next to what the diff proposed. */
export function CorrectionField(_props: { label?: string; source?: string }) {
  const record = useRecordContext<DiscrepancyRecord>();
  const translate = useTranslate();
  const format = useLocaleFormat();
  const currencyOf = useCurrencyOf();
  if (record === undefined) return null;
  if (record.class === 'PRICE_DRIFT' && record.priceInSystemMinor !== null && record.priceOnChannelMinor !== null) {
    const currency = currencyOf(record);
    const money = (minor: number) => (currency === undefined ? format.count(minor) : format.money(minor, currency));
    return (
      <Typography component="span" variant="body2" className="correction">
        {translate('omni.discrepancy.price_correction', { from: money(record.priceOnChannelMinor), to: money(record.priceInSystemMinor) })}
      </Typography>
    );
  }
  const edited = record.correctedDelta !== null && record.correctedDelta !== record.proposedDelta;
  return (
    <Stack direction="row" spacing={0.5} sx={{ alignItems: 'baseline' }} className="correction" data-correction={correctionOf(record)}>
      <Typography component="span" variant="body2" sx={{ fontWeight: edited ? 'bold' : undefined }}>
        {signed(correctionOf(record))}
      </Typography>
      {edited && (
        <Typography component="span" variant="caption" color="text.secondary" className="correction-proposed">
          {translate('omni.discrepancy.proposed_was', { delta: signed(record.proposedDelta) })}
        </Typography>
      )}
    </Stack>
  );
}

export function DiscrepancyValueField(_props: { label?: string; source?: string }) {
  const record = useRecordContext<DiscrepancyRecord>();
  const format = useLocaleFormat();
  const currencyOf = useCurrencyOf();
  const currency = currencyOf(record);
  if (record === undefined) return null;
  return (
    <Typography component="span" variant="body2" className="money">
      {currency === undefined ? format.count(record.valueMinor) : format.money(record.valueMinor, currency)}
    </Typography>
  );
}

/** The status, with who approved first while a second admin must confirm, and who decided once settled. */
export function DiscrepancyStatusField(_props: { label?: string; source?: string }) {
  const record = useRecordContext<DiscrepancyRecord>();
  const translate = useTranslate();
  const actorName = useActorName();
  if (record === undefined) return null;
  const color =
    record.status === 'AWAITING_SECOND_APPROVAL' || record.status === 'PENDING'
      ? 'warning'
      : record.status === 'REJECTED'
        ? 'default'
        : 'success';
  const decider = record.decidedBy?.email ?? null;
  return (
    <Stack spacing={0.5} className="discrepancy-status" data-status={record.status}>
      <div>
        <Chip size="small" color={color} label={translate(`omni.discrepancy.status.${record.status}`)} />
      </div>
      {record.status === 'AWAITING_SECOND_APPROVAL' && record.firstApprovedBy !== null && (
        <Typography variant="caption" className="first-approver">
          {translate('omni.discrepancy.first_approved_by', { name: actorName(record.firstApprovedBy.email) })}
        </Typography>
      )}
      {record.status !== 'PENDING' && record.status !== 'AWAITING_SECOND_APPROVAL' && decider !== null && (
        <Typography variant="caption" className="decided-by">
          {translate('omni.discrepancy.decided_by', { name: actorName(decider) })}
        </Typography>
      )}
      {record.requiresFourEyes && record.status === 'PENDING' && (
        <Tooltip title={translate('omni.discrepancy.four_eyes_help')}>
          <Typography variant="caption" color="text.secondary" className="needs-four-eyes">
            {translate('omni.discrepancy.four_eyes')}
          </Typography>
        </Tooltip>
      )}
      {record.decisionReason !== null && record.decisionReason !== '' && (
        <Typography variant="caption" color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>
          {record.decisionReason}
        </Typography>
      )}
    </Stack>
  );
}

export function DiscrepancyClassField(_props: { label?: string; source?: string }) {
  const record = useRecordContext<DiscrepancyRecord>();
  const translate = useTranslate();
  if (record === undefined) return null;
  return (
    <Typography component="span" variant="body2" className="discrepancy-class" data-class={record.class}>
      {translate(`omni.discrepancy.class.${record.class}`, { _: record.class })}
    </Typography>
  );
}

export function SkuField(_props: { label?: string; source?: string }) {
  const record = useRecordContext<DiscrepancyRecord>();
  if (record === undefined) return null;
  return (
    <Stack sx={{ minWidth: 0, maxWidth: 220 }}>
      <Typography component="span" variant="body2" sx={{ overflowWrap: 'anywhere' }}>
        {record.sku}
      </Typography>
      {record.productName !== '' && (
        <Typography variant="caption" color="text.secondary" sx={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
          {record.productName}
        </Typography>
      )}
    </Stack>
  );
}
