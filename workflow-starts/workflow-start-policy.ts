/** What intake writes into its transaction so the pickup run is promised with the order. */
export interface WorkflowStartPolicy {
  taskQueue: string;
  /** The moment before which the relay leaves a start enqueued now to this process. */
  firstRelayAttemptAt(): Date;
}
