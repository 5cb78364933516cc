import { FormControl, InputLabel, MenuItem, Select, Stack } from '@mui/material';
import { useGetList, useTranslate } from 'react-admin';
import { type DashboardScope, type PeriodDays, periodPresets } from './dashboard-period';

/** Period (last 7/30/90 days, against the same span before) and the stores the figures cover. */
export function DashboardFilters({ scope, onChange }: { scope: DashboardScope; onChange: (scope: DashboardScope) => void }) {
  const translate = useTranslate();
  const { data: stores = [] } = useGetList<{ id: string; code: string; name: string }>('stores', {
    pagination: { page: 1, perPage: 100 },
    sort: { field: 'code', order: 'ASC' },
  });
  return (
    <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ mb: 2 }}>
      <FormControl size="small" sx={{ minWidth: 180 }}>
        <InputLabel id="dashboard-period">{translate('omni.dashboard.period')}</InputLabel>
        <Select
          labelId="dashboard-period"
          label={translate('omni.dashboard.period')}
          value={scope.days}
          onChange={(event) => onChange({ ...scope, days: Number(event.target.value) as PeriodDays })}
        >
          {periodPresets.map((days) => (
            <MenuItem key={days} value={days}>
              {translate('omni.dashboard.last_days', { days })}
            </MenuItem>
          ))}
        </Select>
      </FormControl>
      <FormControl size="small" sx={{ minWidth: 240 }}>
        <InputLabel id="dashboard-stores" shrink>
          {translate('omni.dashboard.stores')}
        </InputLabel>
        <Select
          labelId="dashboard-stores"
          label={translate('omni.dashboard.stores')}
          multiple
          displayEmpty
          value={scope.storeIds}
          renderValue={(ids) =>
            ids.length === 0
              ? translate('omni.dashboard.all_stores')
              : stores
                  .filter((store) => ids.includes(store.id))
                  .map((store) => store.code)
                  .join(', ')
          }
          onChange={(event) =>
            onChange({ ...scope, storeIds: typeof event.target.value === 'string' ? [event.target.value] : event.target.value })
          }
        >
          {stores.map((store) => (
            <MenuItem key={store.id} value={store.id}>
              {store.code} · {store.name}
            </MenuItem>
          ))}
        </Select>
      </FormControl>
    </Stack>
  );
}
