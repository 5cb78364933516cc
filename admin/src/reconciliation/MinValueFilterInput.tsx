import { TextInput, useListContext, useTranslate } from 'react-admin';
import { minorUnitExponent } from '../../../domain/money/currency-exponent';
import { minorFromTyped, type DiscrepancyListFilter } from './discrepancy-record';
import { useCurrencyOf } from './useCurrencyOfStore';

/**
 * "Value at least", typed in the currency's main unit (12,50) and sent as the API's minor units. The currency
 * is the filtered store's, or the one every store sells in.
 */
export function MinValueFilterInput({ alwaysOn }: { source?: string; alwaysOn?: boolean }) {
  const translate = useTranslate();
  const filterValues = useListContext().filterValues as DiscrepancyListFilter;
  const currencyOf = useCurrencyOf();
  const currency = currencyOf({ storeId: filterValues.storeId ?? null });
  const exponent = currency === undefined ? 2 : minorUnitExponent(currency);
  return (
    <TextInput
      source="minValueMinor"
      alwaysOn={alwaysOn}
      label={translate('omni.discrepancy.min_value', { currency: currency ?? '' })}
      format={(minor: unknown) => (typeof minor === 'number' ? String(minor / 10 ** exponent) : ((minor as string | undefined) ?? ''))}
      parse={(typed: string) => (typed.trim() === '' ? undefined : (minorFromTyped(typed, exponent) ?? typed))}
      validate={(value: unknown) => (value === undefined || typeof value === 'number' ? undefined : 'omni.discrepancy.value_invalid')}
      resettable
    />
  );
}
