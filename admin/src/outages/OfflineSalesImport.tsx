import UploadFileIcon from '@mui/icons-material/UploadFile';
import DownloadIcon from '@mui/icons-material/Download';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  FormControl,
  InputLabel,
  LinearProgress,
  MenuItem,
  Select,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { Link, Title, useGetList, useLocation, useNotify, usePermissions, useTranslate } from 'react-admin';
import { type Permissions } from '../auth/permissions';
import { useLocaleFormat } from '../shared/useLocaleFormat';
import {
  conflictRowsOf,
  errorRowsOf,
  importVerdict,
  problemRowsCsv,
  problemsFileName,
  uploadPercent,
  type OfflineSaleRowResult,
  type OfflineSalesResult,
} from './offline-sales-result';
import { conflictListPath, conflictPath } from './conflict-compare';
import { canImportOfflineSales, type OutageRecord } from './outage-record';
import { useOutageActions } from './useOutageActions';
import { useScreenMessages } from './useScreenMessages';

/** The columns the API reads (api/routes/offline-sales/offline-sales-csv.ts), shown as the file's expected header. */
const csvColumns = 'receipt_number,sold_at,currency,sku,quantity,unit_price_minor';
/** Problem rows shown on screen; the download always has every one. */
const rowsShown = 200;
const everyStore = { pagination: { page: 1, perPage: 200 }, sort: { field: 'code', order: 'ASC' as const } };

type Phase = { name: 'idle' } | { name: 'uploading'; percent: number } | { name: 'processing' };

function saveAsFile(content: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: 'text/csv;charset=utf-8' }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
  URL.revokeObjectURL(url);
}

function ProblemTable({ rows, kind }: { rows: OfflineSaleRowResult[]; kind: 'errors' | 'conflicts' }) {
  const translate = useTranslate();
  const format = useLocaleFormat();
  if (rows.length === 0) return null;
  return (
    <Stack spacing={1} className={`offline-sales-${kind}`} sx={{ minWidth: 0 }}>
      <Typography variant="subtitle1">{translate(`omni.offline_sales.${kind}_title`, { smart_count: rows.length })}</Typography>
      <Box sx={{ overflowX: 'auto' }}>
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{translate('omni.offline_sales.line')}</TableCell>
              <TableCell>{translate('omni.offline_sales.receipt')}</TableCell>
              <TableCell>{translate('omni.offline_sales.problem')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.slice(0, rowsShown).map((row) => (
              <TableRow key={`${row.row}-${row.receiptNumber ?? ''}`} className="offline-sales-problem-row" data-line={row.row}>
                <TableCell>{row.row < 0 ? '—' : format.count(row.row)}</TableCell>
                <TableCell sx={{ overflowWrap: 'anywhere' }}>
                  {row.conflictId === undefined ? (
                    (row.receiptNumber ?? '—')
                  ) : (
                    <Link to={conflictPath(row.conflictId)} className="offline-sales-conflict-link">
                      {row.receiptNumber ?? '—'}
                    </Link>
                  )}
                </TableCell>
                <TableCell sx={{ overflowWrap: 'anywhere' }}>
                  {row.outcome === 'CONFLICT' ? translate('omni.offline_sales.conflict_text') : (row.error ?? '')}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Box>
      {rows.length > rowsShown && (
        <Typography variant="body2" color="text.secondary">
          {translate('omni.offline_sales.more_in_download', { smart_count: rows.length - rowsShown })}
        </Typography>
      )}
    </Stack>
  );
}

function ImportResult({ result, fileName, storeId }: { result: OfflineSalesResult; fileName: string; storeId: string }) {
  const translate = useTranslate();
  const t = useScreenMessages();
  const format = useLocaleFormat();
  const verdict = importVerdict(result);
  const severity = verdict === 'IMPORTED' ? 'success' : verdict === 'NOTHING_CHANGED' ? 'info' : 'warning';
  const errors = errorRowsOf(result);
  const conflicts = conflictRowsOf(result);
  const counts = [
    ['created', result.created],
    ['unchanged', result.unchanged],
    ['conflicts', result.conflicts],
    ['errors', result.errors],
  ] as const;
  return (
    <Stack spacing={2} className="offline-sales-result" data-verdict={verdict}>
      <Alert severity={severity} className="offline-sales-verdict">
        {translate(`omni.offline_sales.verdict.${verdict}`, {
          created: format.count(result.created),
          unchanged: format.count(result.unchanged),
          smart_count: result.created + result.unchanged,
        })}
        {verdict === 'NOTHING_CHANGED' &&
          result.errors > 0 &&
          ` ${translate('omni.offline_sales.still_errors', { smart_count: result.errors })}`}
      </Alert>
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
        {counts.map(([name, count]) => (
          <Chip
            key={name}
            className={`offline-sales-count-${name}`}
            data-count={count}
            color={count > 0 && (name === 'errors' || name === 'conflicts') ? 'warning' : 'default'}
            label={translate(`omni.offline_sales.count_${name}`, { count: format.count(count) })}
          />
        ))}
      </Stack>
      {errors.length + conflicts.length > 0 && (
        <div>
          <Button
            variant="outlined"
            startIcon={<DownloadIcon />}
            className="download-problems"
            onClick={() => saveAsFile(problemRowsCsv(result, translate('omni.offline_sales.conflict_text')), problemsFileName(fileName))}
          >
            {translate('omni.offline_sales.download_problems')}
          </Button>
        </div>
      )}
      <ProblemTable rows={errors} kind="errors" />
      <ProblemTable rows={conflicts} kind="conflicts" />
      {conflicts.length > 0 && (
        <Alert severity="info">
          {translate('omni.offline_sales.conflicts_help')}{' '}
          <Link to={conflictListPath({ storeId })} className="offline-sales-conflicts-open">
            {t('omni.conflicts.compare_link')}
          </Link>
        </Alert>
      )}
    </Stack>
  );
}

function OpenOutageOfStore({ storeId }: { storeId: string }) {
  const translate = useTranslate();
  const { data } = useGetList<OutageRecord>('outages', {
    pagination: { page: 1, perPage: 1 },
    sort: { field: 'detectedAt', order: 'DESC' },
    filter: { storeId: [storeId], open: true },
  });
  const outage = data?.[0];
  if (outage === undefined) return <Alert severity="info">{translate('omni.offline_sales.no_open_outage')}</Alert>;
  return (
    <Alert severity="warning" className="offline-sales-outage">
      {translate('omni.offline_sales.joins_outage')}{' '}
      <Link to={`/outages/${encodeURIComponent(outage.id)}/show`}>{translate('omni.outage.banner_open')}</Link>
    </Alert>
  );
}

/**
 * A store's paper or offline-till journal, imported as a CSV: the file is streamed to the API with a progress
 * bar, and the answer says what was written, what was already there (the same file again changes nothing),
 * which receipts differ from what was imported before (conflicts, kept for review, never overwritten) and
 * which rows are wrong, by file line, downloadable to fix and import again.
 */
export function OfflineSalesImport() {
  const translate = useTranslate();
  const notify = useNotify();
  const format = useLocaleFormat();
  const { permissions } = usePermissions<Permissions>();
  const { importOfflineSales } = useOutageActions();
  const requestedStore = new URLSearchParams(useLocation().search).get('storeId') ?? '';
  const ownStore = permissions?.role === 'STORE_STAFF' ? permissions.storeId : null;
  const [chosenStore, setChosenStore] = useState(requestedStore);
  const storeId = ownStore ?? chosenStore;
  const { data: stores } = useGetList<{ id: string; code: string; name: string }>('stores', everyStore);
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>({ name: 'idle' });
  const [result, setResult] = useState<{ result: OfflineSalesResult; fileName: string } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const abort = useRef<AbortController | null>(null);
  const { mutate } = useMutation({
    mutationFn: (chosen: File) => {
      abort.current = new AbortController();
      setPhase({ name: 'uploading', percent: 0 });
      return importOfflineSales(
        storeId,
        chosen,
        ({ sentBytes, totalBytes }) => {
          const percent = uploadPercent(sentBytes, totalBytes);
          setPhase(percent >= 100 ? { name: 'processing' } : { name: 'uploading', percent });
        },
        abort.current.signal,
      );
    },
    onSuccess: (answer, chosen) => {
      setPhase({ name: 'idle' });
      setResult({ result: answer, fileName: chosen.name });
    },
    onError: (error: Error) => {
      setPhase({ name: 'idle' });
      notify(error.name === 'AbortError' ? 'omni.offline_sales.stopped' : error.message, {
        type: error.name === 'AbortError' ? 'info' : 'error',
      });
    },
  });
  const busy = phase.name !== 'idle';
  const allowed = storeId !== '' && canImportOfflineSales(permissions, storeId);
  return (
    <Card className="offline-sales-import" sx={{ mt: 1 }}>
      <Title title="omni.offline_sales.title" />
      <CardContent>
        <Stack spacing={2} sx={{ maxWidth: 900 }}>
          <Typography variant="h6" component="h2">
            {translate('omni.offline_sales.title')}
          </Typography>
          <Typography variant="body2">{translate('omni.offline_sales.help')}</Typography>
          <Typography
            variant="body2"
            component="code"
            className="offline-sales-columns"
            sx={{ fontFamily: 'monospace', overflowWrap: 'anywhere', bgcolor: 'action.hover', p: 1, borderRadius: 1 }}
          >
            {csvColumns}
          </Typography>
          <FormControl fullWidth sx={{ maxWidth: 480 }}>
            <InputLabel id="offline-sales-store">{translate('omni.outage.store')}</InputLabel>
            <Select
              labelId="offline-sales-store"
              label={translate('omni.outage.store')}
              name="storeId"
              value={stores === undefined ? '' : storeId}
              readOnly={ownStore !== null || busy}
              onChange={(event) => {
                setChosenStore(event.target.value);
                setResult(null);
              }}
            >
              {(stores ?? []).map((store) => (
                <MenuItem key={store.id} value={store.id}>{`${store.code} ${store.name}`}</MenuItem>
              ))}
            </Select>
          </FormControl>
          {storeId !== '' && <OpenOutageOfStore storeId={storeId} />}
          <input
            ref={fileInput}
            type="file"
            accept=".csv,text/csv"
            name="file"
            hidden
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              setResult(null);
            }}
          />
          <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
            <Button variant="outlined" size="large" disabled={busy} onClick={() => fileInput.current?.click()} className="choose-file">
              {translate('omni.offline_sales.choose_file')}
            </Button>
            <Typography variant="body2" className="chosen-file" sx={{ overflowWrap: 'anywhere' }}>
              {file === null
                ? translate('omni.offline_sales.no_file')
                : translate('omni.offline_sales.file_size', { name: file.name, size: format.count(Math.ceil(file.size / 1024)) })}
            </Typography>
          </Stack>
          <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
            <Button
              variant="contained"
              size="large"
              startIcon={<UploadFileIcon />}
              disabled={file === null || !allowed || busy}
              onClick={() => file !== null && mutate(file)}
              className="start-import"
            >
              {translate('omni.offline_sales.start')}
            </Button>
            {phase.name === 'uploading' && (
              <Button size="large" onClick={() => abort.current?.abort()} className="stop-import">
                {translate('omni.offline_sales.stop')}
              </Button>
            )}
          </Stack>
          {storeId === '' && <Typography variant="body2">{translate('omni.offline_sales.choose_store')}</Typography>}
          {storeId !== '' && !allowed && <Alert severity="warning">{translate('omni.offline_sales.not_allowed')}</Alert>}
          {phase.name === 'uploading' && (
            <Stack spacing={0.5} className="offline-sales-progress" data-phase="uploading">
              <LinearProgress variant="determinate" value={phase.percent} />
              <Typography variant="body2">{translate('omni.offline_sales.uploading', { percent: phase.percent })}</Typography>
            </Stack>
          )}
          {phase.name === 'processing' && (
            <Stack spacing={0.5} className="offline-sales-progress" data-phase="processing">
              <LinearProgress />
              <Typography variant="body2">{translate('omni.offline_sales.processing')}</Typography>
            </Stack>
          )}
          {result !== null && <ImportResult result={result.result} fileName={result.fileName} storeId={storeId} />}
        </Stack>
      </CardContent>
    </Card>
  );
}
