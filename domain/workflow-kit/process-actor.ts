/** Who did something in a process: a person (user id and e-mail) or the workflow itself (userId null). */
export interface ProcessActor {
  userId: string | null;
  label: string;
}

/**
 * The actor a workflow acts as when no person asked (`workflow:<domain>`): written on ledger rows, the
 * timeline and tasks. Each workflow type names its own, e.g. `workflowActor('pickup')`.
 */
export function workflowActor(domain: string): ProcessActor {
  return { userId: null, label: `workflow:${domain}` };
}
