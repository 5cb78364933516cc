import {
  Box,
  Button,
  Checkbox,
  Chip,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  TextField as MuiTextField,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useGetList, useInput, useTranslate } from 'react-admin';
import { useLocaleFormat } from '../shared/useLocaleFormat';
import { usePromotionActions } from './usePromotionActions';

interface ProductRow {
  id: string;
  sku: string;
  name: string;
  category: string;
  brand: string | null;
  basePriceMinor: number;
  currency: string;
}

/** A promotion lists SKUs, or a category or brand rule, or both (the API refuses neither). */
const skusOrRule = (value: unknown, values: { categories?: string[]; brands?: string[] }) =>
  (Array.isArray(value) ? value.length : 0) === 0 && (values.categories ?? []).length === 0 && (values.brands ?? []).length === 0
    ? 'omni.promotion.skus_required'
    : undefined;

/** Products one page of the picker shows; "add all shown" takes these. */
const PICKER_PAGE_SIZE = 50;

/** A rule toggled on or off in a form input holding a sorted list of names. */
function toggled(list: readonly string[], name: string): string[] {
  return list.includes(name) ? list.filter((entry) => entry !== name) : [...list, name].sort();
}

/**
 * The SKUs of a promotion picked from the catalogue: search by SKU or name, filter by category and brand
 * (their choices, with counts, from `GET /api/products/facets`), tick rows or add every row shown; the
 * chosen SKUs are chips. A category or a brand can also be a rule (every active product of it when the
 * promotion is saved); with both, the rule is category AND brand (domain/promotions/sku-rule.ts).
 */
export function SkuPicker() {
  const translate = useTranslate();
  const format = useLocaleFormat();
  const { readProductFacets } = usePromotionActions();
  const { field, fieldState } = useInput<string[]>({ source: 'skus', defaultValue: [], validate: skusOrRule });
  const categoriesInput = useInput<string[]>({ source: 'categories', defaultValue: [] });
  const brandsInput = useInput<string[]>({ source: 'brands', defaultValue: [] });
  const chosen = new Set<string>((field.value as string[] | undefined) ?? []);
  const [q, setQ] = useState('');
  const [category, setCategory] = useState('');
  const [brand, setBrand] = useState('');
  const { data: products = [], total = 0 } = useGetList<ProductRow>('products', {
    pagination: { page: 1, perPage: PICKER_PAGE_SIZE },
    sort: { field: 'sku', order: 'ASC' },
    filter: {
      active: true,
      ...(q.trim() !== '' && { q: q.trim() }),
      ...(category !== '' && { category }),
      ...(brand !== '' && { brand }),
    },
  });
  const { data: facets } = useQuery({ queryKey: ['product-facets'], queryFn: readProductFacets, staleTime: 60_000 });
  const ruleCategoryList = (categoriesInput.field.value as string[] | undefined) ?? [];
  const ruleBrandList = (brandsInput.field.value as string[] | undefined) ?? [];
  const ruleCategories = new Set<string>(ruleCategoryList);
  const ruleBrands = new Set<string>(ruleBrandList);
  const setSkus = (next: Set<string>) => field.onChange([...next].sort());
  const toggle = (sku: string) => {
    const next = new Set(chosen);
    if (next.has(sku)) next.delete(sku);
    else next.add(sku);
    setSkus(next);
  };
  const toggleRule = (name: string) => categoriesInput.field.onChange(toggled(ruleCategoryList, name));
  const toggleBrandRule = (name: string) => brandsInput.field.onChange(toggled(ruleBrandList, name));
  return (
    <Box sx={{ width: '100%' }} data-testid="sku-picker">
      <Typography variant="subtitle1">{translate('omni.promotion.picker.title')}</Typography>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ my: 1 }}>
        <MuiTextField
          size="small"
          label={translate('omni.promotion.picker.search')}
          value={q}
          onChange={(event) => setQ(event.target.value)}
          slotProps={{ htmlInput: { 'data-testid': 'sku-search' } }}
        />
        <MuiTextField
          size="small"
          select
          label={translate('omni.promotion.picker.category')}
          value={category}
          onChange={(event) => setCategory(event.target.value)}
          sx={{ minWidth: 200 }}
        >
          <MenuItem value="">{translate('omni.promotion.picker.any_category')}</MenuItem>
          {(facets?.categories ?? []).map((facet) => (
            <MenuItem key={facet.name} value={facet.name}>
              {facet.name} ({facet.count})
            </MenuItem>
          ))}
        </MuiTextField>
        <MuiTextField
          size="small"
          select
          label={translate('omni.promotion.picker.brand')}
          value={brand}
          onChange={(event) => setBrand(event.target.value)}
          sx={{ minWidth: 200 }}
        >
          <MenuItem value="">{translate('omni.promotion.picker.any_brand')}</MenuItem>
          {(facets?.brands ?? []).map((facet) => (
            <MenuItem key={facet.name} value={facet.name}>
              {facet.name} ({facet.count})
            </MenuItem>
          ))}
        </MuiTextField>
      </Stack>
      <Stack direction="row" sx={{ mb: 1, flexWrap: 'wrap', gap: 1 }}>
        <Button onClick={() => setSkus(new Set([...chosen, ...products.map((product) => product.sku)]))} disabled={products.length === 0}>
          {translate('omni.promotion.picker.add_shown', { smart_count: products.length })}
        </Button>
        {category !== '' && (
          <Button onClick={() => toggleRule(category)}>
            {translate(ruleCategories.has(category) ? 'omni.promotion.picker.drop_rule' : 'omni.promotion.picker.add_rule', {
              category,
            })}
          </Button>
        )}
        {brand !== '' && (
          <Button onClick={() => toggleBrandRule(brand)}>
            {translate(ruleBrands.has(brand) ? 'omni.promotion.picker.drop_brand_rule' : 'omni.promotion.picker.add_brand_rule', {
              brand,
            })}
          </Button>
        )}
      </Stack>
      <TableContainer sx={{ maxHeight: 320 }}>
        <Table size="small" stickyHeader>
          <TableHead>
            <TableRow>
              <TableCell padding="checkbox" />
              <TableCell>{translate('omni.promotion.picker.sku')}</TableCell>
              <TableCell>{translate('omni.promotion.picker.name')}</TableCell>
              <TableCell>{translate('omni.promotion.picker.category')}</TableCell>
              <TableCell>{translate('omni.promotion.picker.brand')}</TableCell>
              <TableCell align="right">{translate('omni.promotion.picker.base_price')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {products.map((product) => (
              <TableRow key={product.id} hover onClick={() => toggle(product.sku)} sx={{ cursor: 'pointer' }} data-sku={product.sku}>
                <TableCell padding="checkbox">
                  <Checkbox checked={chosen.has(product.sku)} slotProps={{ input: { 'aria-label': product.sku } }} />
                </TableCell>
                <TableCell>{product.sku}</TableCell>
                <TableCell>{product.name}</TableCell>
                <TableCell>{product.category}</TableCell>
                <TableCell>{product.brand ?? '—'}</TableCell>
                <TableCell align="right">{format.money(product.basePriceMinor, product.currency)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      {total > products.length && (
        <Typography variant="caption">{translate('omni.promotion.picker.more', { shown: products.length, total })}</Typography>
      )}
      <Box sx={{ mt: 1, display: 'flex', flexWrap: 'wrap', gap: 0.5 }} data-testid="chosen-skus">
        {[...chosen].map((sku) => (
          <Chip key={sku} label={sku} size="small" onDelete={() => toggle(sku)} />
        ))}
        {[...ruleCategories].map((name) => (
          <Chip
            key={`rule-${name}`}
            color="primary"
            size="small"
            label={translate('omni.promotion.picker.rule_chip', { category: name })}
            onDelete={() => toggleRule(name)}
          />
        ))}
        {[...ruleBrands].map((name) => (
          <Chip
            key={`brand-rule-${name}`}
            color="secondary"
            size="small"
            label={translate('omni.promotion.picker.brand_rule_chip', { brand: name })}
            onDelete={() => toggleBrandRule(name)}
          />
        ))}
      </Box>
      {ruleCategories.size > 0 && ruleBrands.size > 0 && (
        <Typography variant="caption" component="p">
          {translate('omni.promotion.picker.rule_both')}
        </Typography>
      )}
      <Typography variant="caption" color={fieldState.error ? 'error' : 'text.secondary'}>
        {fieldState.error?.message !== undefined
          ? translate(fieldState.error.message, { _: fieldState.error.message })
          : translate('omni.promotion.picker.chosen', { smart_count: chosen.size })}
      </Typography>
    </Box>
  );
}
