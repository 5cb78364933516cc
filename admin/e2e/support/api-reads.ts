import { signInToApi } from '../api-client';
import { admin, apiUrl } from '../e2e-settings';

/** GET of the API as head office, for what a test needs to know but the screen under test does not say. */
export async function readAsAdmin<Result>(path: string): Promise<Result> {
  const token = await signInToApi(apiUrl, admin);
  const response = await fetch(`${apiUrl}/api${path}`, { headers: { Authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`GET /api${path} failed: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as Result;
}

/** Waits until an order placed in the sandbox has reached the API and its pickup run has started. */
export async function waitForOrderRun(externalId: string, timeoutMs: number): Promise<{ id: string; workflowId: string }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const filter = encodeURIComponent(JSON.stringify({ q: externalId }));
    const orders = await readAsAdmin<{ id: string; externalId: string; workflowId: string | null }[]>(
      `/orders?filter=${filter}&range=[0,9]`,
    );
    const order = orders.find((candidate) => candidate.externalId === externalId);
    if (order?.workflowId != null) return { id: order.id, workflowId: order.workflowId };
    if (Date.now() > deadline) throw new Error(`Order ${externalId} has no pickup run after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

interface ApiTask {
  id: string;
  type: string;
  payload: { lines?: { lineId: string; quantity?: number }[] };
}

/** The clerk picks every line in full through the API, so a test can start at the counter. */
export async function pickInFullThroughApi(
  workflowId: string,
  clerk: { email: string; password: string },
  timeoutMs: number,
): Promise<void> {
  const token = await signInToApi(apiUrl, clerk);
  const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const filter = encodeURIComponent(JSON.stringify({ workflowId, type: 'PICK', status: ['OPEN'] }));
    const response = await fetch(`${apiUrl}/api/tasks?filter=${filter}&range=[0,0]`, { headers });
    const [task] = (await response.json()) as ApiTask[];
    if (task !== undefined) {
      const lines = (task.payload.lines ?? []).map((line) => ({ lineId: line.lineId, pickedQuantity: line.quantity ?? 0 }));
      const done = await fetch(`${apiUrl}/api/tasks/${task.id}/complete`, { method: 'POST', headers, body: JSON.stringify({ lines }) });
      if (!done.ok) throw new Error(`Completing the pick failed: HTTP ${done.status} ${await done.text()}`);
      return;
    }
    if (Date.now() > deadline) throw new Error(`No PICK task for ${workflowId} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}
