import { Box, Chip, Divider, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Link, useGetList, useRecordContext, useTranslate } from 'react-admin';
import { useDateTimeFormat } from '../shared/useDateTimeFormat';
import { useLocaleFormat } from '../shared/useLocaleFormat';
import { isOpenOutage, outageRefreshMs, type OutageRecord } from './outage-record';
import { useScreenMessages } from './useScreenMessages';

interface LateOrderRecord {
  id: string;
  externalId: string;
  channelCode: string;
  pickupStoreCode: string | null;
  status: string;
  totalMinor: number;
  currency: string;
  placedAt: string;
  takenInAt: string;
}

/**
 * A channel outage's late orders (GET /api/outages/:id/late-orders): what the channel took while down and the run
 * took in afterwards, each linking to its order page. Cards rather than a wide table, so it reads at 390 px too.
 */
export function OutageLateOrders() {
  const outage = useRecordContext<OutageRecord>();
  const t = useScreenMessages();
  const translate = useTranslate();
  const format = useLocaleFormat();
  const time = useDateTimeFormat();
  const { data, total } = useGetList<LateOrderRecord>(
    `outages/${outage?.id ?? ''}/late-orders`,
    { pagination: { page: 1, perPage: 100 }, sort: { field: 'placedAt', order: 'ASC' }, filter: {} },
    { enabled: outage?.kind === 'CHANNEL', refetchInterval: isOpenOutage(outage) ? outageRefreshMs : false },
  );
  if (outage?.kind !== 'CHANNEL' || data === undefined) return null;
  return (
    <Stack spacing={1} className="outage-late-orders" data-total={total} sx={{ minWidth: 0 }}>
      <Divider />
      <Typography variant="subtitle1">{t('omni.late_orders.title')}</Typography>
      {data.length === 0 && (
        <Typography variant="body2" className="late-orders-none">
          {t('omni.late_orders.none')}
        </Typography>
      )}
      <Typography variant="body2" color="text.secondary">
        {t('omni.late_orders.help')}
      </Typography>
      <Box sx={{ overflowX: 'auto', display: { xs: 'none', sm: data.length === 0 ? 'none' : 'block' } }}>
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{t('omni.late_orders.order')}</TableCell>
              <TableCell>{t('omni.late_orders.external_id')}</TableCell>
              <TableCell>{t('omni.late_orders.placed_at')}</TableCell>
              <TableCell>{t('omni.late_orders.taken_in_at')}</TableCell>
              <TableCell>{t('omni.late_orders.status')}</TableCell>
              <TableCell align="right">{t('omni.late_orders.total')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {data.map((order) => (
              <TableRow key={order.id} className="late-order-row" data-external-id={order.externalId}>
                <TableCell>
                  <Link to={`/orders/${order.id}/show`} className="late-order-link">
                    {order.id.slice(0, 8)}
                  </Link>
                </TableCell>
                <TableCell sx={{ overflowWrap: 'anywhere' }}>
                  {order.externalId} · {order.channelCode}
                </TableCell>
                <TableCell>{time(order.placedAt)}</TableCell>
                <TableCell>{time(order.takenInAt)}</TableCell>
                <TableCell>
                  <Chip size="small" label={translate(`omni.order_status.${order.status}`, { _: order.status })} />
                </TableCell>
                <TableCell align="right">{format.money(order.totalMinor, order.currency)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Box>
      <Stack spacing={1} sx={{ display: { xs: 'flex', sm: 'none' } }}>
        {data.map((order) => (
          <Box key={order.id} className="late-order-card" sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 1, minWidth: 0 }}>
            <Link to={`/orders/${order.id}/show`} className="late-order-link">
              {order.externalId} · {order.channelCode}
            </Link>
            <Typography variant="body2">
              {t('omni.late_orders.placed_at')}: {time(order.placedAt)}
            </Typography>
            <Typography variant="body2">
              {t('omni.late_orders.taken_in_at')}: {time(order.takenInAt)}
            </Typography>
            <Typography variant="body2">
              {translate(`omni.order_status.${order.status}`, { _: order.status })} · {format.money(order.totalMinor, order.currency)}
            </Typography>
          </Box>
        ))}
      </Stack>
    </Stack>
  );
}
