import { type Client } from '@temporalio/client';
import { setTimeout as sleep } from 'node:timers/promises';
import { NotFoundError, ServiceUnavailableError } from '../../../domain/errors';
import {
  checkProductPricesWorkflow,
  type CheckProductPricesInput,
  type CheckProductPricesResult,
} from '../../../domain/price-consistency/check-product-prices-definition';
import { type PrismaClient } from '../../../prisma/client';
import { type ApiRouter } from '../../http/api-router';
import { idParamsSchema } from '../../openapi/common-schemas';
import { productPrices } from './price-consistency';
import { productPricesSchema } from './price-consistency.validators';

export interface CheckProductPricesDeps {
  prisma: PrismaClient;
  client: Client;
  taskQueue: string;
  /** How long the request waits for the worker's read-backs (PRICE_CHECK_TIMEOUT_MS). */
  timeoutMs: number;
}

/**
 * `POST /api/price-consistency/:id/check`: "Check now". The worker reads the SKU back from every channel
 * (`checkProductPrices`, `price-check:<productId>`; a second click joins the running check) and the answer
 * is the view with those read-backs, naming the channels that could not be read. A worker that does not
 * answer in time is a 503; the check still lands and the view shows it once it has.
 */
export function registerCheckProductPricesRoute(api: ApiRouter, { prisma, client, taskQueue, timeoutMs }: CheckProductPricesDeps): void {
  api.route({
    method: 'post',
    path: '/api/price-consistency/:id/check',
    summary: 'Read one SKU back from every channel now (through the worker) and answer the view with those read-backs',
    tags: ['price-consistency'],
    access: ['ADMIN', 'OPS_LEAD'],
    request: { params: idParamsSchema },
    response: { description: 'The product and its channels, read back now', schema: productPricesSchema },
    otherResponses: [
      { status: 404, description: 'No product with this id' },
      { status: 503, description: 'The worker did not answer in time; the check goes on' },
    ],
    handle: async ({ params, actor }) => {
      const product = await prisma.product.findUnique({ where: { id: params.id }, select: { id: true } });
      if (product === null) throw new NotFoundError('Product not found');
      const input: CheckProductPricesInput = { productId: product.id, requestedByUserId: actor.userId };
      const handle = await client.workflow.start(checkProductPricesWorkflow.type, {
        taskQueue,
        workflowId: checkProductPricesWorkflow.workflowIdOf(product.id),
        args: [input],
        workflowIdConflictPolicy: 'USE_EXISTING',
        workflowExecutionTimeout: '5 minutes',
      });
      const abort = new AbortController();
      const result = await Promise.race([
        handle.result() as Promise<CheckProductPricesResult>,
        sleep(timeoutMs, null, { signal: abort.signal }).catch(() => null),
      ]).finally(() => abort.abort());
      if (result === null)
        throw new ServiceUnavailableError('The channels are still being read: the view shows the results once they are in');
      return { ...(await productPrices(prisma, product.id)), unavailableChannels: result.unavailable };
    },
  });
}
