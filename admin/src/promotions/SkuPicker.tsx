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
import { useState } from 'react';
import { useGetList, useInput, useTranslate } from 'react-admin';
import { useLocaleFormat } from '../shared/useLocaleFormat';

interface ProductRow {
  id: string;
  sku: string;
  name: string;
  category: string;
  basePriceMinor: number;
  currency: string;
}

/** A promotion lists SKUs, or a category rule, or both (the API refuses neither). */
const skusOrCategories = (value: unknown, values: { categories?: string[] }) =>
  (Array.isArray(value) ? value.length : 0) === 0 && (values.categories ?? []).length === 0 ? 'omni.promotion.skus_required' : undefined;

/** Products one page of the picker shows; "add all shown" takes these. */
const PICKER_PAGE_SIZE = 50;
/** Products read to offer the categories (the catalogue API has no distinct-categories read). */
const CATEGORY_SAMPLE = 500;

/**
 * The SKUs of a promotion picked from the catalogue: search by SKU or name, filter by category, tick rows
 * or add every row shown; the chosen SKUs are chips. A category can also be a rule (every active product
 * of it, now and added later), chosen below in "categories".
 */
export function SkuPicker() {
  const translate = useTranslate();
  const format = useLocaleFormat();
  const { field, fieldState } = useInput<string[]>({ source: 'skus', defaultValue: [], validate: skusOrCategories });
  const categoriesInput = useInput<string[]>({ source: 'categories', defaultValue: [] });
  const chosen = new Set<string>((field.value as string[] | undefined) ?? []);
  const [q, setQ] = useState('');
  const [category, setCategory] = useState('');
  const { data: products = [], total = 0 } = useGetList<ProductRow>('products', {
    pagination: { page: 1, perPage: PICKER_PAGE_SIZE },
    sort: { field: 'sku', order: 'ASC' },
    filter: { active: true, ...(q.trim() !== '' && { q: q.trim() }), ...(category !== '' && { category }) },
  });
  const { data: sample = [] } = useGetList<ProductRow>('products', {
    pagination: { page: 1, perPage: CATEGORY_SAMPLE },
    sort: { field: 'sku', order: 'ASC' },
    filter: { active: true },
  });
  const categories = [...new Set(sample.map((product) => product.category))].sort();
  const ruleCategories = new Set<string>((categoriesInput.field.value as string[] | undefined) ?? []);
  const setSkus = (next: Set<string>) => field.onChange([...next].sort());
  const toggle = (sku: string) => {
    const next = new Set(chosen);
    if (next.has(sku)) next.delete(sku);
    else next.add(sku);
    setSkus(next);
  };
  const toggleRule = (name: string) => {
    const next = new Set(ruleCategories);
    if (next.has(name)) next.delete(name);
    else next.add(name);
    categoriesInput.field.onChange([...next].sort());
  };
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
          {categories.map((name) => (
            <MenuItem key={name} value={name}>
              {name}
            </MenuItem>
          ))}
        </MuiTextField>
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
      </Stack>
      <TableContainer sx={{ maxHeight: 320 }}>
        <Table size="small" stickyHeader>
          <TableHead>
            <TableRow>
              <TableCell padding="checkbox" />
              <TableCell>{translate('omni.promotion.picker.sku')}</TableCell>
              <TableCell>{translate('omni.promotion.picker.name')}</TableCell>
              <TableCell>{translate('omni.promotion.picker.category')}</TableCell>
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
      </Box>
      <Typography variant="caption" color={fieldState.error ? 'error' : 'text.secondary'}>
        {fieldState.error?.message !== undefined
          ? translate(fieldState.error.message, { _: fieldState.error.message })
          : translate('omni.promotion.picker.chosen', { smart_count: chosen.size })}
      </Typography>
    </Box>
  );
}
