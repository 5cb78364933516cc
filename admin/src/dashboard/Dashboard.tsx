import { Box, Grid } from '@mui/material';
import { useEffect, useState } from 'react';
import { Title, usePermissions, useRedirect, useTranslate } from 'react-admin';
import { isAdmin, isConfinedToStore, type Permissions } from '../auth/permissions';
import { AttentionTile } from './AttentionTile';
import { ChannelHealthTile } from './ChannelHealthTile';
import { DashboardFilters } from './DashboardFilters';
import { type DashboardScope } from './dashboard-period';
import { OrdersTile } from './OrdersTile';
import { PickupSlaTile } from './PickupSlaTile';
import { StockDriftTile } from './StockDriftTile';

/**
 * The home page. Each role lands on what it works on: a store clerk on their store's task inbox, an ops
 * lead on these figures, an admin on the figures plus channel health.
 */
export function Dashboard() {
  const translate = useTranslate();
  const { permissions, isPending } = usePermissions<Permissions>();
  const redirect = useRedirect();
  const [scope, setScope] = useState<DashboardScope>({ days: 30, storeIds: [] });
  const clerk = !isPending && isConfinedToStore(permissions);
  useEffect(() => {
    if (clerk) redirect('list', 'tasks');
  }, [clerk, redirect]);
  if (isPending || clerk) return null;
  return (
    <Box sx={{ p: { xs: 1, sm: 2 } }} data-testid="dashboard">
      <Title title={translate('omni.dashboard.title')} />
      <DashboardFilters scope={scope} onChange={setScope} />
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, lg: 6 }}>
          <OrdersTile scope={scope} />
        </Grid>
        <Grid size={{ xs: 12, lg: 6 }}>
          <PickupSlaTile scope={scope} />
        </Grid>
        <Grid size={{ xs: 12, lg: 6 }}>
          <StockDriftTile scope={scope} />
        </Grid>
        <Grid size={{ xs: 12, lg: 6 }}>
          <AttentionTile scope={scope} />
        </Grid>
        {isAdmin(permissions) && (
          <Grid size={12}>
            <ChannelHealthTile scope={scope} />
          </Grid>
        )}
      </Grid>
    </Box>
  );
}
