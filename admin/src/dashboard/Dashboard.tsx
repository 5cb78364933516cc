import { Box } from '@mui/material';
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
import { PriceConsistencyTile } from '../price-consistency/PriceConsistencyTile';

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
      {/* minWidth 0: a grid item may shrink below its content, so a wide table scrolls inside its tile on a phone. */}
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: 'minmax(0, 1fr)', lg: 'repeat(2, minmax(0, 1fr))' }, gap: 2 }}>
        <OrdersTile scope={scope} />
        <PickupSlaTile scope={scope} />
        <StockDriftTile scope={scope} />
        <AttentionTile scope={scope} />
        <PriceConsistencyTile scope={scope} />
        {isAdmin(permissions) && (
          <Box sx={{ gridColumn: '1 / -1', minWidth: 0 }}>
            <ChannelHealthTile scope={scope} />
          </Box>
        )}
      </Box>
    </Box>
  );
}
