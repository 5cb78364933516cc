import { Client, Connection } from '@temporalio/client';
import { withWorkflowRefusals } from '../../api/http/workflow-refusals';
import { ServiceUnavailableError } from '../../domain/errors';
import { findFreePorts } from '../../bench/pickup/free-ports';

/**
 * A call to a run while Temporal is out of reach (restarting, or a cluster whose history service is
 * down) is a 503 with Retry-After, never a 500: shown with a real client against a port where no
 * Temporal answers, as the API's client sees it during a restart.
 */
describe('workflow calls while Temporal is out of reach', () => {
  it('answers 503 (ServiceUnavailableError), not an unhandled error', async () => {
    const [port] = (await findFreePorts(1)) as [number];
    const connection = Connection.lazy({ address: `127.0.0.1:${port}` });
    const client = new Client({ connection, namespace: 'default' });
    try {
      const error = await withWorkflowRefusals(() =>
        connection.withDeadline(Date.now() + 1500, () =>
          client.workflow.getHandle('pickup:absent').executeUpdate('completeTask', { args: [] }),
        ),
      ).catch((caught: unknown) => caught);

      expect(error).toBeInstanceOf(ServiceUnavailableError);
      expect((error as ServiceUnavailableError).httpStatus).toBe(503);
    } finally {
      await connection.close();
    }
  });
});
