import { Typography } from '@mui/material';
import { SimpleList, useTranslate } from 'react-admin';
import { useLocaleFormat } from '../shared/useLocaleFormat';
import { type StoreCreditRecord } from './store-credit-record';

/** The list on a phone: one full-width row per credit (code, where issued, what is left), no sideways scroll. */
export function StoreCreditCards() {
  const translate = useTranslate();
  const format = useLocaleFormat();
  return (
    <SimpleList<StoreCreditRecord>
      linkType="show"
      className="store-credit-cards"
      primaryText={(record: StoreCreditRecord) => record.code}
      secondaryText={(record: StoreCreditRecord) => (
        <Typography variant="body2" color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>
          {[record.customerName, record.issuedAtStoreName].filter((part) => part !== null).join(' · ')}
        </Typography>
      )}
      tertiaryText={(record: StoreCreditRecord) =>
        translate('omni.store_credit.left', { balance: format.money(record.balanceMinor, record.currency) })
      }
    />
  );
}
