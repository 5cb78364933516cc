import { Alert, Chip, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { Link, Show, SimpleShowLayout, TextField, useRecordContext, useTranslate } from 'react-admin';
import { MoneyField } from '../shared/MoneyField';
import { useLocaleFormat } from '../shared/useLocaleFormat';
import { CheckNowButton } from './CheckNowButton';

interface ChannelPrice {
  channelId: string;
  channelCode: string;
  channelName: string;
  channelStatus: string;
  expectedPriceMinor: number;
  expectedSource: 'PROMOTION' | 'PUBLISHED' | 'BASE';
  promotionId: string | null;
  promotionName: string | null;
  shownPriceMinor: number | null;
  listed: boolean | null;
  checkedAt: string | null;
  checkSource: string | null;
  consistent: boolean | null;
}

interface ProductPrices {
  id: string;
  sku: string;
  currency: string;
  channels: ChannelPrice[];
}

function ChannelPrices() {
  const record = useRecordContext<ProductPrices>();
  const translate = useTranslate();
  const format = useLocaleFormat();
  // Until getOne answers, react-admin shows the list's row (counts, no channels) as the record.
  if (record === undefined || !Array.isArray(record.channels)) return null;
  const shown = (row: ChannelPrice) => {
    if (row.checkedAt === null) return translate('omni.price_consistency.never_checked');
    if (row.listed === false) return translate('omni.price_consistency.not_listed');
    if (row.shownPriceMinor === null) return translate('omni.price_consistency.other_price');
    return format.money(row.shownPriceMinor, record.currency);
  };
  return (
    <TableContainer data-testid="channel-prices">
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>{translate('omni.price_consistency.channel')}</TableCell>
            <TableCell align="right">{translate('omni.price_consistency.expected')}</TableCell>
            <TableCell align="right">{translate('omni.price_consistency.shown')}</TableCell>
            <TableCell>{translate('omni.price_consistency.checked_at')}</TableCell>
            <TableCell />
          </TableRow>
        </TableHead>
        <TableBody>
          {record.channels.map((row) => (
            <TableRow key={row.channelId} data-channel={row.channelCode}>
              <TableCell>{row.channelName}</TableCell>
              <TableCell align="right">
                {format.money(row.expectedPriceMinor, record.currency)}
                <Typography variant="caption" component="div" color="text.secondary">
                  {row.promotionId === null ? (
                    translate(`omni.price_consistency.source.${row.expectedSource}`)
                  ) : (
                    <Link to={`/promotions/${row.promotionId}/show`}>{row.promotionName}</Link>
                  )}
                </Typography>
              </TableCell>
              <TableCell align="right">{shown(row)}</TableCell>
              <TableCell>
                {row.checkedAt === null ? '—' : format.dateTime(row.checkedAt)}
                {row.checkSource !== null && (
                  <Typography variant="caption" component="div" color="text.secondary">
                    {translate(`omni.price_consistency.check_source.${row.checkSource}`)}
                  </Typography>
                )}
              </TableCell>
              <TableCell>
                {row.consistent === null ? null : (
                  <Chip
                    size="small"
                    color={row.consistent ? 'success' : 'error'}
                    label={translate(row.consistent ? 'omni.price_consistency.ok' : 'omni.price_consistency.differs')}
                  />
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

/**
 * One SKU: per channel the price we expect there now (the active promotion's, or the regular price) and
 * the price its latest read-back showed, when, and from which read-back (stock sync, a promotion push, a check);
 * "Check now" reads every channel live through the worker.
 */
export function PriceConsistencyShow() {
  const translate = useTranslate();
  return (
    <Show queryOptions={{ refetchInterval: 10_000 }}>
      <SimpleShowLayout>
        <TextField source="sku" />
        <TextField source="name" />
        <MoneyField source="basePriceMinor" />
        <Alert severity="info">{translate('omni.price_consistency.how')}</Alert>
        <CheckNowButton />
        <ChannelPrices />
      </SimpleShowLayout>
    </Show>
  );
}
