import InventoryIcon from '@mui/icons-material/Inventory';
import {
  Autocomplete,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  Stack,
  TextField,
} from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useGetList, useNotify, usePermissions, useRecordContext, useRedirect, useTranslate } from 'react-admin';
import { type Permissions } from '../auth/permissions';
import { canImportOfflineSales, isWaitingForRecovery, type OutageRecord } from './outage-record';
import { useOutageActions } from './useOutageActions';

/** The API's bound on one count (stock-counts.ts: 1 to 500 SKUs). */
const maxSkus = 500;

interface StockLevel {
  id: string;
  sku: string;
  productName: string;
  onHand: number;
}

/**
 * Asks a store to count some SKUs on the shelf (issue 12: "a stock count task can be requested for any SKU set
 * of a store"). On an outage's page (no `storeId`): the cut-off store, before the reconciliation, whose diff the
 * counts feed; offered while the outage waits for recovery. With `storeId` (the store's page, outside an
 * outage): the count's own run corrects the stock (docs/stock-counts.md). Either way to head office and the
 * store's own staff, as the API allows.
 */
export function RequestStockCountButton({ storeId: givenStoreId }: { storeId?: string }) {
  const outage = useRecordContext<OutageRecord>();
  const outsideOutage = givenStoreId !== undefined;
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const { permissions } = usePermissions<Permissions>();
  const { requestStockCount } = useOutageActions();
  const [open, setOpen] = useState(false);
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<StockLevel[]>([]);
  const storeId = givenStoreId ?? outage?.storeId ?? null;
  const { data: levels, isPending: loading } = useGetList<StockLevel>(
    'inventory',
    {
      pagination: { page: 1, perPage: 50 },
      sort: { field: 'sku', order: 'ASC' },
      filter: { storeId, ...(search.trim() !== '' && { q: search.trim() }) },
    },
    { enabled: open && storeId !== null },
  );
  const { mutate, isPending } = useMutation({
    mutationFn: () =>
      requestStockCount(
        storeId ?? '',
        chosen.map((level) => level.sku),
      ),
    onSuccess: (task) => {
      setOpen(false);
      notify('omni.outage.count_requested', { type: 'success' });
      redirect('show', 'tasks', task.id);
    },
    onError: (error: Error) => notify(error.message, { type: 'error' }),
  });
  if (!outsideOutage && (outage?.kind !== 'STORE' || !isWaitingForRecovery(outage))) return null;
  if (!canImportOfflineSales(permissions, storeId)) return null;
  return (
    <>
      <Button
        size="small"
        startIcon={<InventoryIcon />}
        onClick={() => {
          setChosen([]);
          setSearch('');
          setOpen(true);
        }}
        className="request-stock-count"
        sx={{ textTransform: 'none' }}
      >
        {translate('omni.outage.request_count')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm">
        <DialogTitle>{translate('omni.outage.request_count_title')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2}>
            <DialogContentText>
              {translate(outsideOutage ? 'omni.stock_count.request_help' : 'omni.outage.request_count_help')}
            </DialogContentText>
            <Autocomplete
              multiple
              options={levels ?? []}
              loading={loading}
              value={chosen}
              filterOptions={(options) => options}
              isOptionEqualToValue={(option, value) => option.sku === value.sku}
              getOptionLabel={(level) => `${level.sku} ${level.productName}`}
              onChange={(_event, value) => setChosen(value.slice(0, maxSkus))}
              onInputChange={(_event, value, reason) => {
                if (reason === 'input' || reason === 'clear') setSearch(value);
              }}
              renderInput={(params) => <TextField {...params} name="skus" label={translate('omni.outage.request_count_skus')} />}
            />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)} disabled={isPending} sx={{ textTransform: 'none' }} className="dialog-keep">
            {translate('omni.discrepancy.dialog.keep')}
          </Button>
          <Button
            variant="contained"
            sx={{ textTransform: 'none' }}
            disabled={chosen.length === 0 || isPending}
            onClick={() => mutate()}
            className="dialog-confirm"
          >
            {translate('omni.outage.request_count_confirm', { smart_count: chosen.length })}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
