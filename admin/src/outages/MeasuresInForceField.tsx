import { Chip, Stack, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { measuresInForce, type OutageRecord } from './outage-record';
import { useMeasureLabel } from './useMeasureLabel';

/** The measures in force as chips, for the list; "none" once lifted. */
export function MeasuresInForceField(_props: { label?: string; source?: string }) {
  const outage = useRecordContext<OutageRecord>();
  const translate = useTranslate();
  const measureLabel = useMeasureLabel();
  if (outage === undefined) return null;
  const measures = measuresInForce(outage);
  if (measures.length === 0)
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('omni.outage.no_measures')}
      </Typography>
    );
  return (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }} className="measures-in-force">
      {measures.map((measure) => (
        <Chip key={measure.measure} size="small" color="warning" label={measureLabel(measure.measure)} data-measure={measure.measure} />
      ))}
    </Stack>
  );
}
