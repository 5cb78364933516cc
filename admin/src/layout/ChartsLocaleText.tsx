import { ChartsLocalizationProvider } from '@mui/x-charts/ChartsLocalizationProvider';
import { type ReactNode, useMemo } from 'react';
import { useTranslate } from 'react-admin';

/**
 * MUI X Charts' own words (the "No data" and loading overlays) in the chosen language, for every chart in
 * the UI: MUI ships no Indonesian charts locale, so they come from our messages.
 */
export function ChartsLocaleText({ children }: { children: ReactNode }) {
  const translate = useTranslate();
  const localeText = useMemo(() => ({ noData: translate('omni.charts.no_data'), loading: translate('omni.charts.loading') }), [translate]);
  return <ChartsLocalizationProvider localeText={localeText}>{children}</ChartsLocalizationProvider>;
}
