import { type RaRecord } from 'react-admin';
import { type Permissions } from '../auth/permissions';

/** One protective measure as outages.measures keeps it (activities/outages/outage-measures.ts). */
export interface OutageMeasureRecord {
  measure: string;
  since: string;
  /** What the measure replaced (a channel status, a hold percent, a pickup flag): put back when it is lifted. */
  previous: unknown;
  liftedAt: string | null;
}

/** Count and value of one discrepancy class in the closing report. */
export interface OutageReportLine {
  count: number;
  valueMinor: number;
}

/** GET /api/outages/:id (list rows are the same shape): api/routes/outages/outages.validators.ts. */
export interface OutageRecord extends RaRecord<string> {
  kind: 'CHANNEL' | 'STORE';
  channelId: string | null;
  storeId: string | null;
  status: OutageStatus;
  cause: string;
  source: string;
  declaredByUserId: string | null;
  joinedCount: number;
  measures: OutageMeasureRecord[];
  report: Record<string, OutageReportLine> | null;
  detectedAt: string;
  resolvedAt: string | null;
  workflowId: string | null;
  /** The measures not lifted yet (the API's own reading of `measures`). */
  measuresInForce?: string[];
  /** One outage only: what its review still waits for. */
  review?: { pending: number; awaitingSecondApproval: number; valueMinor: number };
  /** One outage only: who decided what, beside the counts per class. */
  approvals?: OutageApproval[];
}

/** A decision of the outage's review, as its report lists it (people by e-mail). */
export interface OutageApproval {
  discrepancyId: string;
  class: string;
  sku: string;
  storeCode: string | null;
  status: string;
  decision: string | null;
  correction: number;
  valueMinor: number;
  firstApprovedBy: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
}

export const outageStatuses = ['ACTIVE', 'RECOVERING', 'RECONCILING', 'RESOLVED'] as const;
export type OutageStatus = (typeof outageStatuses)[number];

export const outageStatusChoices = outageStatuses.map((id) => ({ id, name: `omni.outage.status.${id}` }));
export const outageKindChoices = ['CHANNEL', 'STORE'].map((id) => ({ id, name: `omni.outage.kind.${id}` }));
export const outageSourceChoices = ['DETECTED', 'DECLARED'].map((id) => ({ id, name: `omni.outage.source.${id}` }));

/** The list's "Open / Resolved" tabs, as the API's `open` filter takes them. */
export const outageOpenChoices = [
  { id: true, name: 'omni.outage.open_true' },
  { id: false, name: 'omni.outage.open_false' },
];

/** How often outage screens and the banner ask again: an outage's measures change within seconds of its start. */
export const outageRefreshMs = 5000;

export const isOpenOutage = (outage: Pick<OutageRecord, 'status'> | undefined): boolean =>
  outage !== undefined && outage.status !== 'RESOLVED';

/** Still down: ending it now starts the reconciliation (later statuses are the run's own work). */
export const isWaitingForRecovery = (outage: Pick<OutageRecord, 'status'>): boolean =>
  outage.status === 'ACTIVE' || outage.status === 'RECOVERING';

/** Measures put in force and not lifted yet, oldest first. */
export const measuresInForce = (outage: Pick<OutageRecord, 'measures'>): OutageMeasureRecord[] =>
  outage.measures.filter((measure) => measure.liftedAt === null).sort((a, b) => a.since.localeCompare(b.since));

/** The translation key of a measure; unknown ones fall back to their name in words (see useMeasureLabel). */
export const measureKey = (measure: string): string => `omni.outage.measure.${measure}`;

/**
 * Mirrors api/routes/outages/outage-access.ts: ops leads and admins declare and end any outage, a store's
 * manager their own store's; channel outages are head office's.
 */
export function canRunOutage(permissions: Permissions | undefined, subject: { storeId: string | null }): boolean {
  if (permissions === undefined) return false;
  if (permissions.role === 'ADMIN' || permissions.role === 'OPS_LEAD') return true;
  return subject.storeId !== null && permissions.isStoreManager && permissions.storeId === subject.storeId;
}

/** Who may declare some outage at all (the Declare button): head office, or a store's manager for their store. */
export const canDeclareAnyOutage = (permissions: Permissions | undefined): boolean =>
  permissions?.role === 'ADMIN' || permissions?.role === 'OPS_LEAD' || (permissions?.role === 'STORE_STAFF' && permissions.isStoreManager);

/** Mirrors api/routes/offline-sales: store staff of the store (any of them: the clerk at the till), ops leads, admins. */
export function canImportOfflineSales(permissions: Permissions | undefined, storeId: string | null): boolean {
  if (permissions === undefined || storeId === null) return false;
  return permissions.role !== 'STORE_STAFF' || permissions.storeId === storeId;
}

/** Report lines in a fixed order: the classes the issue names first, anything newer after them by name. */
export const discrepancyClasses = ['OFFLINE_SALE', 'STOCK_DRIFT', 'PRICE_DRIFT', 'ORDER_MISSING', 'DOUBLE_SALE'] as const;

export function reportLines(report: Record<string, OutageReportLine>): { className: string; count: number; valueMinor: number }[] {
  const known = discrepancyClasses as readonly string[];
  const rank = (name: string) => (known.includes(name) ? known.indexOf(name) : known.length);
  return Object.entries(report)
    .map(([className, line]) => ({ className, count: line.count, valueMinor: line.valueMinor }))
    .sort((a, b) => rank(a.className) - rank(b.className) || a.className.localeCompare(b.className));
}

export function reportTotal(report: Record<string, OutageReportLine>): OutageReportLine {
  return Object.values(report).reduce(
    (total, line) => ({ count: total.count + line.count, valueMinor: total.valueMinor + line.valueMinor }),
    {
      count: 0,
      valueMinor: 0,
    },
  );
}
