import { type ChipProps } from '@mui/material';

export type StockLevel = 'out' | 'low' | 'ok';

/** "Low" uses the same threshold as the API's low-stock filter (see adminConfig.lowStockThreshold). */
export function stockLevelOf(available: number, lowStockThreshold: number): StockLevel {
  if (available <= 0) return 'out';
  return available <= lowStockThreshold ? 'low' : 'ok';
}

export const stockLevelColour: Record<StockLevel, ChipProps['color']> = { out: 'error', low: 'warning', ok: 'success' };
