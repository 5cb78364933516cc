/** Temporal's execution statuses, as the API's `status` filter takes them. */
export const workflowStatusChoices = ['RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED', 'TERMINATED', 'CONTINUED_AS_NEW', 'TIMED_OUT'].map(
  (id) => ({ id, name: `omni.workflow_status.${id}` }),
);

/** Workflow types the worker runs (workflows/index.ts) and the domains they report. */
export const workflowTypeChoices = ['pickupOrder', 'syncStock', 'syncChannelStock', 'checkPipeline', 'returnOrder', 'countStock'].map(
  (id) => ({
    id,
    name: id,
  }),
);
export const workflowDomainChoices = ['pickup', 'inventory', 'returns'].map((id) => ({ id, name: id }));

/** How often an open run or order page asks for its timeline again. */
export const timelineRefreshMs = 3000;
