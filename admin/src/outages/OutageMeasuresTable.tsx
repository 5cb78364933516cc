import { Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { useDateTimeFormat } from '../shared/useDateTimeFormat';
import { type OutageRecord } from './outage-record';
import { useMeasureLabel } from './useMeasureLabel';
import { useOutageSubject } from './useOutageSubject';

/** Every measure the outage put in force: since when, and whether it is still in force or when it was lifted. */
export function OutageMeasuresTable() {
  const outage = useRecordContext<OutageRecord>();
  const translate = useTranslate();
  const measureLabel = useMeasureLabel();
  const { store } = useOutageSubject(outage);
  const time = useDateTimeFormat(store?.timeZone);
  if (outage === undefined) return null;
  if (outage.measures.length === 0)
    return (
      <Typography variant="body2" className="outage-measures-none">
        {translate(outage.status === 'RESOLVED' ? 'omni.outage.no_measures' : 'omni.outage.measures_pending')}
      </Typography>
    );
  return (
    <Table size="small" className="outage-measures">
      <TableHead>
        <TableRow>
          <TableCell>{translate('omni.outage.measure_column')}</TableCell>
          <TableCell>{translate('omni.outage.measure_since')}</TableCell>
          <TableCell>{translate('omni.outage.measure_state')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {outage.measures.map((measure) => (
          <TableRow key={measure.measure} data-measure={measure.measure} data-in-force={measure.liftedAt === null}>
            <TableCell sx={{ overflowWrap: 'anywhere' }}>
              {measureLabel(measure.measure)}
              <Typography variant="body2" color="text.secondary">
                {translate(`omni.outage.measure_help.${measure.measure}`, { _: '' })}
              </Typography>
            </TableCell>
            <TableCell>{time(measure.since)}</TableCell>
            <TableCell>
              {measure.liftedAt === null ? (
                <Chip size="small" color="warning" label={translate('omni.outage.in_force')} />
              ) : (
                translate('omni.outage.lifted_at', { time: time(measure.liftedAt) })
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
