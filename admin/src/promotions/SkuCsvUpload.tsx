import { Alert, Box, Button, Typography } from '@mui/material';
import { useState } from 'react';
import { useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { isEditable, type PromotionRecord, scopeProblemsOf, type ScopeProblem } from './promotion-record';
import { ScopeProblems } from './ScopeProblems';
import { usePromotionActions } from './usePromotionActions';

/**
 * "Replace SKUs from a CSV" (a `sku` column, up to the API's PROMOTION_CSV_MAX_ROWS rows): the file goes
 * to `PUT /api/promotions/:id/sku-csv` as it is, streamed and parsed there. Any bad row, unknown SKU,
 * floor breach or conflict refuses the whole file and is listed here by line or SKU; nothing changes.
 */
export function SkuCsvUpload() {
  const record = useRecordContext<PromotionRecord>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const { uploadSkuCsv } = usePromotionActions();
  const [problems, setProblems] = useState<ScopeProblem[]>([]);
  const [busy, setBusy] = useState(false);
  if (record === undefined || !isEditable(record.status)) return null;
  const upload = async (file: File) => {
    setBusy(true);
    setProblems([]);
    try {
      const saved = await uploadSkuCsv(record.id, file);
      notify('omni.promotion.csv_done', { messageArgs: { smart_count: saved.skuCount } });
      refresh();
    } catch (error) {
      setProblems(scopeProblemsOf((error as { body?: { errors?: Record<string, string> } }).body?.errors));
      notify((error as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Box sx={{ width: '100%' }}>
      <Button variant="outlined" component="label" disabled={busy}>
        {translate('omni.promotion.csv_upload')}
        <input
          hidden
          type="file"
          accept=".csv,text/csv"
          data-testid="sku-csv-input"
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file !== undefined) void upload(file);
          }}
        />
      </Button>
      <Typography variant="caption" component="div" color="text.secondary">
        {translate('omni.promotion.csv_help')}
      </Typography>
      {problems.length > 0 && <ScopeProblems problems={problems} title={translate('omni.promotion.csv_refused')} />}
      {problems.length === 0 && busy && <Alert severity="info">{translate('omni.promotion.csv_uploading')}</Alert>}
    </Box>
  );
}
