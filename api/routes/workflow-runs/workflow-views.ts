import { type WorkflowExecutionInfo } from '@temporalio/client';
import { searchAttributes } from '../../../domain/workflow-kit/search-attributes';
import { type WorkflowRow } from './workflow-runs.validators';

export interface TemporalUiLink {
  /** TEMPORAL_UI_URL, e.g. http://127.0.0.1:8233 */
  baseUrl: string;
  namespace: string;
}

/** The Web UI opens the latest run of a workflow id; our ids are business keys, so that is the run we list. */
export function temporalUiUrlOf(link: TemporalUiLink, workflowId: string): string {
  const base = link.baseUrl.replace(/\/$/, '');
  return `${base}/namespaces/${encodeURIComponent(link.namespace)}/workflows/${encodeURIComponent(workflowId)}`;
}

/** One run as a list row: identity, status and the search attributes our workflows keep up to date. */
export function toWorkflowRow(info: Omit<WorkflowExecutionInfo, 'raw'>, link: TemporalUiLink): WorkflowRow {
  const attributes = info.typedSearchAttributes;
  return {
    id: info.workflowId,
    runId: info.runId,
    type: info.type,
    domain: attributes.get(searchAttributes.workflowDomain) ?? null,
    businessKey: attributes.get(searchAttributes.businessKey) ?? null,
    storeCode: attributes.get(searchAttributes.storeCode) ?? null,
    status: info.status.name,
    currentStep: attributes.get(searchAttributes.currentStep) ?? null,
    startTime: info.startTime,
    closeTime: info.closeTime ?? null,
    taskQueue: info.taskQueue,
    temporalUiUrl: temporalUiUrlOf(link, info.workflowId),
    orderId: null,
    orderNumber: null,
    customerName: null,
  };
}
