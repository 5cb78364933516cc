import { Box, Typography } from '@mui/material';
import { TrendChip } from './TrendChip';

/** One headline number of a tile, with its trend against the previous period. */
export function FigureWithTrend(props: {
  label: string;
  value: string;
  current: number | null;
  previous: number | null;
  higherIsBetter: boolean;
}) {
  return (
    <Box sx={{ minWidth: 140 }}>
      <Typography variant="caption" color="text.secondary">
        {props.label}
      </Typography>
      <Typography variant="h5" component="p" data-testid="figure">
        {props.value}
      </Typography>
      <TrendChip current={props.current} previous={props.previous} higherIsBetter={props.higherIsBetter} />
    </Box>
  );
}
