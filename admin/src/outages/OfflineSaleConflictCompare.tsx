import { Alert, Box, Card, CardContent, Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Link, Loading, Title, useGetOne } from 'react-admin';
import { useParams } from 'react-router-dom';
import { useActorName } from '../shared/usePeople';
import { useDateTimeFormat } from '../shared/useDateTimeFormat';
import { useLocaleFormat } from '../shared/useLocaleFormat';
import { ConflictDecisionButtons } from './ConflictDecisionButtons';
import {
  conflictListPath,
  differencesOf,
  type OfflineSaleConflictRecord,
  type SaleVersion,
  type VersionDifferences,
} from './conflict-compare';
import { useScreenMessages } from './useScreenMessages';

const highlight = { bgcolor: 'warning.light', fontWeight: 600 } as const;

function VersionCard({
  side,
  version,
  other,
  differences,
}: {
  side: 'journal' | 'incoming';
  version: SaleVersion;
  other: SaleVersion;
  differences: VersionDifferences;
}) {
  const t = useScreenMessages();
  const format = useLocaleFormat();
  const time = useDateTimeFormat();
  const missing = other.lines.filter((line) => !version.lines.some((mine) => mine.sku === line.sku));
  return (
    <Card variant="outlined" className={`conflict-version conflict-${side}`} sx={{ flex: 1, minWidth: 0 }}>
      <CardContent>
        <Typography variant="subtitle1" component="h3">
          {t(side === 'journal' ? 'omni.conflicts.journal' : 'omni.conflicts.incoming')}
        </Typography>
        <Stack spacing={0.5} sx={{ my: 1 }}>
          <Typography variant="body2" data-differs={differences.soldAt} sx={differences.soldAt ? highlight : undefined}>
            {t('omni.conflicts.sold_at')}: {time(version.soldAt)}
          </Typography>
          <Typography variant="body2" data-differs={differences.total} sx={differences.total ? highlight : undefined}>
            {t('omni.conflicts.total')}: {format.money(version.totalMinor, version.currency)}
          </Typography>
        </Stack>
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{t('omni.conflicts.sku')}</TableCell>
              <TableCell align="right">{t('omni.conflicts.quantity')}</TableCell>
              <TableCell align="right">{t('omni.conflicts.price')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {version.lines.map((line) => {
              const differs = differences.lines.get(line.sku);
              return (
                <TableRow key={line.sku} className="conflict-line" data-sku={line.sku} data-differs={differs !== undefined}>
                  <TableCell sx={{ overflowWrap: 'anywhere', ...(differs?.missingOn != null ? highlight : {}) }}>
                    {line.sku}
                    {line.productName !== null && (
                      <Typography variant="caption" component="div" color="text.secondary">
                        {line.productName}
                      </Typography>
                    )}
                  </TableCell>
                  <TableCell align="right" className="conflict-quantity" sx={differs?.quantity ? highlight : undefined}>
                    {format.count(line.quantity)}
                  </TableCell>
                  <TableCell align="right" sx={differs?.price ? highlight : undefined}>
                    {format.money(line.unitPriceMinor, version.currency)}
                  </TableCell>
                </TableRow>
              );
            })}
            {missing.map((line) => (
              <TableRow key={`missing-${line.sku}`} className="conflict-line" data-sku={line.sku} data-differs="true">
                <TableCell sx={{ ...highlight, overflowWrap: 'anywhere' }}>{line.sku}</TableCell>
                <TableCell colSpan={2} sx={highlight}>
                  {t('omni.conflicts.not_on_this_version')}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </CardContent>
    </Card>
  );
}

function DecisionState({ conflict }: { conflict: OfflineSaleConflictRecord }) {
  const t = useScreenMessages();
  const actorName = useActorName();
  const time = useDateTimeFormat();
  if (conflict.decision === null) return null;
  return (
    <Alert severity="success" className="conflict-decided" data-decision={conflict.decision}>
      {t('omni.conflicts.decided_by', {
        decision: t(`omni.conflicts.decision_${conflict.decision}`),
        name: conflict.decidedBy === null ? '—' : actorName(conflict.decidedBy.id),
        time: time(conflict.decidedAt),
        reason: conflict.decisionReason ?? '',
      })}
    </Alert>
  );
}

/** One conflict: the journal's receipt and the one imported again side by side (stacked on a phone), differences highlighted. */
export function OfflineSaleConflictCompare() {
  const { conflictId = '' } = useParams();
  const t = useScreenMessages();
  const time = useDateTimeFormat();
  const { data: conflict, error } = useGetOne<OfflineSaleConflictRecord>('offline-sale-conflicts', { id: conflictId });
  if (error != null) return <Alert severity="error">{error.message}</Alert>;
  if (conflict === undefined) return <Loading />;
  const differences = differencesOf(conflict.journal, conflict.incoming);
  return (
    <Box className="offline-sale-conflict" data-status={conflict.status} sx={{ p: { xs: 1, sm: 2 }, minWidth: 0 }}>
      <Title title={t('omni.conflicts.title')} />
      <Stack spacing={2} sx={{ minWidth: 0 }}>
        <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
          <Typography variant="h6" component="h2" sx={{ overflowWrap: 'anywhere' }}>
            {t('omni.conflicts.compare_title', { receipt: conflict.receiptNumber, store: conflict.storeCode })}
          </Typography>
          <Chip
            className="conflict-status"
            color={conflict.status === 'OPEN' ? 'warning' : 'success'}
            label={t(conflict.status === 'OPEN' ? 'omni.conflicts.status_OPEN' : 'omni.conflicts.status_DECIDED')}
          />
        </Stack>
        <Typography variant="body2" color="text.secondary" className="conflict-differences" data-count={differences.count}>
          {t('omni.conflicts.differences', { smart_count: differences.count })} · {t('omni.conflicts.source', { source: conflict.source })}
        </Typography>
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} useFlexGap sx={{ minWidth: 0 }}>
          <VersionCard side="journal" version={conflict.journal} other={conflict.incoming} differences={differences} />
          <VersionCard side="incoming" version={conflict.incoming} other={conflict.journal} differences={differences} />
        </Stack>
        {conflict.appliedToStockAt !== null && conflict.status === 'OPEN' && (
          <Alert severity="info">{t('omni.conflicts.applied', { time: time(conflict.appliedToStockAt) })}</Alert>
        )}
        <DecisionState conflict={conflict} />
        <ConflictDecisionButtons conflict={conflict} />
        <Link to={conflictListPath(conflict.outageId === null ? { storeId: conflict.storeId } : { outageId: conflict.outageId })}>
          {t('omni.conflicts.title')}
        </Link>
      </Stack>
    </Box>
  );
}
