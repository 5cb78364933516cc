import {
  List,
  ListItem,
  ListItemText,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  type Theme,
  Typography,
  useMediaQuery,
} from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { useLocaleFormat } from '../shared/useLocaleFormat';
import { type StoreCreditRecord } from './store-credit-record';

/** Every time the credit was spent: when, at which store's till, on which receipt, by whom (one line each on a phone). */
export function StoreCreditRedemptions() {
  const credit = useRecordContext<StoreCreditRecord>();
  const translate = useTranslate();
  const format = useLocaleFormat();
  const isPhone = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  // Until getOne answers, react-admin shows the list row (no redemptions) as the record.
  if (credit?.redemptions === undefined) return null;
  if (credit.redemptions.length === 0) return <Typography variant="body2">{translate('omni.store_credit.never_spent')}</Typography>;
  if (isPhone)
    return (
      <List dense data-testid="store-credit-redemptions" disablePadding>
        {credit.redemptions.map((row) => (
          <ListItem key={row.id} disableGutters>
            <ListItemText
              primary={`${format.money(row.amountMinor, credit.currency)} · ${row.receiptNumber}`}
              secondary={`${format.dateTime(row.createdAt)} · ${row.storeName} · ${row.redeemedByName}`}
              slotProps={{ primary: { sx: { overflowWrap: 'anywhere' } }, secondary: { sx: { overflowWrap: 'anywhere' } } }}
            />
          </ListItem>
        ))}
      </List>
    );
  return (
    <TableContainer data-testid="store-credit-redemptions">
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>{translate('omni.store_credit.spent_at')}</TableCell>
            <TableCell>{translate('omni.store_credit.store')}</TableCell>
            <TableCell>{translate('omni.store_credit.receipt')}</TableCell>
            <TableCell align="right">{translate('omni.store_credit.amount')}</TableCell>
            <TableCell>{translate('omni.store_credit.by')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {credit.redemptions.map((row) => (
            <TableRow key={row.id}>
              <TableCell>{format.dateTime(row.createdAt)}</TableCell>
              <TableCell>{row.storeName}</TableCell>
              <TableCell>{row.receiptNumber}</TableCell>
              <TableCell align="right">{format.money(row.amountMinor, credit.currency)}</TableCell>
              <TableCell>{row.redeemedByName}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
