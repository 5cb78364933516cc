import { Prisma } from '../../prisma/client';
import { type Actor } from '../../domain/auth/roles';

/**
 * Who did it: a person from the request (Actor), a person or the workflow as a workflow reports it to its
 * activities (`{ userId, label }`, userId null for the workflow itself), or a named system actor such as
 * "system:stock-sync".
 */
export type AuditActor = Actor | { userId: string | null; label: string } | { systemLabel: string };

export interface AuditRecord {
  actor: AuditActor;
  /** Verb-ish, dot-separated: `auth.login`, `channel.update`, `store.update`. */
  action: string;
  entityType: string;
  entityId: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  workflowId?: string;
  requestId?: string;
}

function toJsonColumn(value: Record<string, unknown> | null | undefined): Prisma.InputJsonValue | typeof Prisma.DbNull {
  if (value === null || value === undefined) return Prisma.DbNull;
  // Round-trip through JSON so Dates and other classes are stored as they would be shown.
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}

/**
 * Writes one audit event. Call it with the transaction client of the change it describes, so the change
 * and its audit row commit (or roll back) together. Shared by the API (what people do through requests)
 * and activities (what a workflow does on a person's behalf, e.g. completing the task they submitted).
 */
export async function recordAudit(tx: Prisma.TransactionClient, record: AuditRecord): Promise<void> {
  const actor = auditActorColumns(record.actor);
  await tx.auditEvent.create({
    data: {
      ...actor,
      action: record.action,
      entityType: record.entityType,
      entityId: record.entityId,
      before: toJsonColumn(record.before),
      after: toJsonColumn(record.after),
      workflowId: record.workflowId ?? null,
      requestId: record.requestId ?? null,
    },
  });
}

function auditActorColumns(actor: AuditActor): { actorUserId: string | null; actorLabel: string } {
  if ('systemLabel' in actor) return { actorUserId: null, actorLabel: actor.systemLabel };
  if ('label' in actor) return { actorUserId: actor.userId, actorLabel: actor.label };
  return { actorUserId: actor.userId, actorLabel: actor.email };
}

/**
 * The fields an update actually changed, as before/after pairs for the audit trail. Only the given
 * keys are compared, so columns that must not be copied into the audit log (secrets) never are.
 */
export function changedFields<T extends object, K extends keyof T & string>(
  before: T,
  after: T,
  keys: readonly K[],
): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const changedBefore: Record<string, unknown> = {};
  const changedAfter: Record<string, unknown> = {};
  for (const key of keys) {
    if (JSON.stringify(before[key]) === JSON.stringify(after[key])) continue;
    changedBefore[key] = before[key];
    changedAfter[key] = after[key];
  }
  return { before: changedBefore, after: changedAfter };
}
