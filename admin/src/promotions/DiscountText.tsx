import { Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { useLocaleFormat } from '../shared/useLocaleFormat';
import { type PromotionRecord } from './promotion-record';

/** "15% off", "€5.00 off", "at Rp 99.000", in the UI's language, money through locale-format. */
export function DiscountText() {
  const record = useRecordContext<PromotionRecord>();
  const translate = useTranslate();
  const format = useLocaleFormat();
  if (record === undefined) return null;
  return (
    <Typography component="span" variant="body2">
      {discountLabel(record, translate, format.money)}
    </Typography>
  );
}

export function discountLabel(
  record: Pick<PromotionRecord, 'discountType' | 'discountValue' | 'currency'>,
  translate: (key: string, options?: object) => string,
  money: (amountMinor: number, currency: string) => string,
): string {
  if (record.discountType === 'PERCENT') return translate('omni.promotion.discount_percent', { percent: record.discountValue });
  const amount = money(record.discountValue, record.currency);
  return translate(record.discountType === 'FIXED' ? 'omni.promotion.discount_off' : 'omni.promotion.discount_at', { amount });
}
