import { type OutageWorkflowSettings } from './outage-workflow';

export const DETECT_OUTAGES_WORKFLOW_TYPE = 'detectOutages';
/** Also the workflow id prefix of its runs (the server appends the scheduled time). */
export const OUTAGE_DETECTION_SCHEDULE_ID = 'outage-detection';

export interface DetectOutagesInput {
  /** The settings of the outage runs a detection starts (and of detection itself: settings.detection). */
  settings: OutageWorkflowSettings;
  /** Pushes of stock-sync runs finished within this window count towards a check's failure rate. */
  pushWindowMs: number;
  /** Only these channels (a test, or an operator's targeted run); every channel not DISABLED when omitted. */
  channelCodes?: string[];
}

export interface DetectOutagesResult {
  checked: number;
  failed: number;
  opened: string[];
  joined: string[];
}
