import { Admin, Resource } from 'react-admin';
import { approvals } from './approvals';
import { auditEvents } from './audit-events';
import { createAuthProvider } from './auth/auth-provider';
import { channels } from './channels';
import { adminConfig } from './config';
import { createDataProvider } from './data/data-provider';
import { i18nProvider } from './i18n/i18n-provider';
import { inventory } from './inventory';
import { inventoryMovements } from './inventory-movements';
import { OmniLayout } from './layout/OmniLayout';
import { orders } from './orders';
import { outages } from './outages';
import { discrepancies } from './reconciliation';
import { returns } from './returns';
import { priceConsistency } from './price-consistency';
import { products } from './products';
import { promotions } from './promotions';
import { stockAdjustments } from './stock-adjustments';
import { storeCredits } from './store-credits';
import { stores } from './stores';
import { tasks } from './tasks';
import { lazyScreen } from './shared/lazy-screen';
import { users } from './users';
import { workflows } from './workflows';

// Lazy like every screen: the charts library is the biggest chunk, and the login form needs none of it.
const Dashboard = lazyScreen(() => import('./dashboard/Dashboard'), 'Dashboard');

const authProvider = createAuthProvider(adminConfig.apiBaseUrl);
const dataProvider = createDataProvider(adminConfig.apiBaseUrl);

/**
 * Resources only. Who sees what comes from authProvider.canAccess (menu entries, pages, edit buttons),
 * which mirrors the API's rules; the API enforces them.
 */
export function App() {
  return (
    <Admin
      title="Omnichannel Ops"
      dataProvider={dataProvider}
      authProvider={authProvider}
      i18nProvider={i18nProvider}
      layout={OmniLayout}
      dashboard={Dashboard}
      requireAuth
      disableTelemetry
    >
      <Resource name="inventory" {...inventory} />
      <Resource name="inventory-movements" {...inventoryMovements} />
      <Resource name="stock-adjustments" {...stockAdjustments} />
      <Resource name="tasks" {...tasks} />
      <Resource name="approvals" {...approvals} />
      <Resource name="orders" {...orders} />
      <Resource name="returns" {...returns} />
      <Resource name="store-credits" {...storeCredits} />
      <Resource name="promotions" {...promotions} />
      <Resource name="price-consistency" {...priceConsistency} />
      <Resource name="products" {...products} />
      <Resource name="stores" {...stores} />
      <Resource name="channels" {...channels} />
      <Resource name="users" {...users} />
      <Resource name="workflows" {...workflows} />
      <Resource name="audit-events" {...auditEvents} />
      <Resource name="outages" {...outages} />
      <Resource name="discrepancies" {...discrepancies} />
    </Admin>
  );
}
