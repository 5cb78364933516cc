import { recordAudit } from '../../db/audit/record-audit';
import { openOrJoinOutage } from '../../db/outages/open-outage';
import { outageWorkflow } from '../../domain/outages/outage-definition';
import { outageWorkflowId } from '../../domain/outages/outage-detection';
import { OUTAGE_ACTOR, type HandleOutageInput, type OutageWorkflowSettings } from '../../domain/outages/outage-workflow';
import { enqueueWorkflowStart } from '../../workflow-starts/enqueue-workflow-start';
import { recordWorkflowStarted } from '../../workflow-starts/record-start-outcome';
import { type ActivityDeps } from '../deps';
import { withTemporalFailures } from '../failures/to-temporal-failure';

export interface OpenDetectedOutageInput {
  channelId: string;
  channelCode: string;
  cause: string;
  taskQueue: string;
  settings: OutageWorkflowSettings;
  /** The detection run, in the audit row. */
  detectedBy: string;
}

export interface DetectedOutage {
  outageId: string;
  created: boolean;
  workflowId: string;
  input: HandleOutageInput;
}

/**
 * Opens the channel's outage from a detection, or joins the open one (joined_count + 1), in one
 * transaction with its start in the outbox (so signals to it are queued like a declared outage's) and
 * its audit row. The detection run then starts the run itself as a child that outlives it; the relay,
 * finding it started, has nothing left to do.
 */
export function createOpenDetectedOutage({ prisma }: Pick<ActivityDeps, 'prisma'>) {
  return async function openDetectedOutage(input: OpenDetectedOutageInput): Promise<DetectedOutage> {
    return withTemporalFailures(() =>
      prisma.$transaction(async (tx) => {
        const opened = await openOrJoinOutage(tx, {
          subject: { kind: 'CHANNEL', channelId: input.channelId },
          cause: input.cause,
          source: 'DETECTED',
          declaredByUserId: null,
        });
        const request = outageWorkflow.startRequest(input.taskQueue, {
          outage: { id: opened.id, storeCode: null, channelCode: input.channelCode },
          settings: input.settings,
        });
        if (opened.created) {
          // Far in the future: the detection run starts it now; the relay is the safety net only.
          await enqueueWorkflowStart(tx, request, new Date(Date.now() + 60_000));
          await tx.outage.update({ where: { id: opened.id }, data: { workflowId: request.workflowId } });
        }
        await recordAudit(tx, {
          actor: { systemLabel: OUTAGE_ACTOR.label },
          action: opened.created ? 'outage.detect' : 'outage.join',
          entityType: 'Outage',
          entityId: opened.id,
          after: { cause: input.cause, detectedBy: input.detectedBy },
          workflowId: outageWorkflowId(opened.id),
        });
        return { outageId: opened.id, created: opened.created, workflowId: request.workflowId, input: request.input };
      }),
    );
  };
}

/** The detected outage's run exists: its outbox row is STARTED (the same statement the relay uses). */
export function createRecordDetectedOutageStarted({ prisma }: Pick<ActivityDeps, 'prisma'>) {
  return async function recordDetectedOutageStarted(input: { workflowId: string; runId: string }): Promise<void> {
    await withTemporalFailures(() =>
      recordWorkflowStarted(prisma, { workflowId: input.workflowId, runId: input.runId, deliveredSignals: 0 }),
    );
  };
}
