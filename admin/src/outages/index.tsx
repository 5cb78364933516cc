import ReportProblemIcon from '@mui/icons-material/ReportProblem';
import { reactRouterProvider } from 'react-admin';
import { lazyScreen } from '../shared/lazy-screen';
import { offlineSalesImportRoute } from './offline-sales-import-path';

/** The Route of the router react-admin runs on: Resource's <Routes> only takes its own. */
const { Route } = reactRouterProvider;
const OfflineSalesImport = lazyScreen(() => import('./OfflineSalesImport'), 'OfflineSalesImport');
const ConflictList = lazyScreen(() => import('./OfflineSaleConflictList'), 'OfflineSaleConflictList');
const ConflictCompare = lazyScreen(() => import('./OfflineSaleConflictCompare'), 'OfflineSaleConflictCompare');

export const outages = {
  list: lazyScreen(() => import('./OutageList'), 'OutageList'),
  show: lazyScreen(() => import('./OutageShow'), 'OutageShow'),
  icon: ReportProblemIcon,
  recordRepresentation: (outage: { kind: string; cause: string }) => outage.cause,
  // A store's offline-sales import is the outages' screen too (the sales join the store's open outage), and so
  // are the conflicts it leaves to decide (paths as in conflict-compare.ts).
  children: (
    <>
      <Route path={offlineSalesImportRoute} element={<OfflineSalesImport />} />
      <Route path="offline-sale-conflicts" element={<ConflictList />} />
      <Route path="offline-sale-conflicts/:conflictId" element={<ConflictCompare />} />
    </>
  ),
};
