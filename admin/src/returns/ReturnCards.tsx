import { Chip, Stack, Typography } from '@mui/material';
import { SimpleList, useTranslate } from 'react-admin';
import { useLocaleFormat } from '../shared/useLocaleFormat';
import { type ReturnRecord } from './return-record';

/** The list on a phone: one full-width row per return (order, items, refund, status), no sideways scroll. */
export function ReturnCards() {
  const translate = useTranslate();
  const format = useLocaleFormat();
  return (
    <SimpleList<ReturnRecord>
      linkType="show"
      className="return-cards"
      primaryText={(record: ReturnRecord) => (
        <Typography variant="body1" sx={{ overflowWrap: 'anywhere' }}>
          {record.orderExternalId} · {record.channelCode}
        </Typography>
      )}
      secondaryText={(record: ReturnRecord) => (
        <Typography variant="body2" color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>
          {record.lines.map((line) => `${line.quantity} × ${line.productName}`).join(', ')}
        </Typography>
      )}
      tertiaryText={(record: ReturnRecord) => (
        <Stack spacing={0.5} sx={{ alignItems: 'flex-end' }}>
          <span>{format.money(record.refundTotalMinor, record.currency)}</span>
          <Chip size="small" label={translate(`omni.return.status.${record.status}`)} />
        </Stack>
      )}
    />
  );
}
