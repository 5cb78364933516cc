import { Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { useLocaleFormat } from '../shared/useLocaleFormat';
import { type OrderRecord } from './order-record';

/** What was ordered and what was picked, line by line, priced in the order's currency. */
export function OrderLinesTable() {
  const order = useRecordContext<OrderRecord>();
  const translate = useTranslate();
  const format = useLocaleFormat();
  // Opened from the list, the page first shows the list's row (react-admin primes the record with it), which has no lines.
  if (order === undefined || !Array.isArray(order.lines)) return null;
  return (
    <Table size="small" className="order-lines">
      <TableHead>
        <TableRow>
          <TableCell>{translate('omni.order.sku')}</TableCell>
          <TableCell>{translate('omni.order.product')}</TableCell>
          <TableCell align="right">{translate('omni.order.quantity')}</TableCell>
          <TableCell align="right">{translate('omni.order.picked')}</TableCell>
          <TableCell align="right">{translate('omni.order.unit_price')}</TableCell>
          <TableCell>{translate('omni.order.line_status')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {order.lines.map((line) => (
          <TableRow key={line.id}>
            <TableCell>{line.sku}</TableCell>
            <TableCell>{line.productName}</TableCell>
            <TableCell align="right">{line.quantity}</TableCell>
            <TableCell align="right">{line.pickedQuantity}</TableCell>
            <TableCell align="right">{format.money(line.unitPriceMinor, order.currency)}</TableCell>
            <TableCell>{translate(`omni.order_line_status.${line.status}`, { _: line.status })}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
