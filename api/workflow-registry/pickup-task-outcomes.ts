import { pickupCodeMatches } from '../../domain/pickup/pickup-code';
import { customerDecisionBodySchema, handoverOutcomeBodySchema, pickOutcomeBodySchema } from '../../domain/tasks/task-outcomes';
import { taskOutcome } from './task-outcome-registration';

/**
 * Pickup's task types. A hand-over forwards only whether the code matched the stored hash, never the
 * code, so the clear code enters no workflow history.
 */
export const pickupTaskOutcomes = [
  taskOutcome({ taskType: 'PICK', bodySchema: pickOutcomeBodySchema, toOutcome: (body) => ({ type: 'PICK', ...body }) }),
  taskOutcome({
    taskType: 'CUSTOMER_SERVICE',
    bodySchema: customerDecisionBodySchema,
    toOutcome: (body) => ({ type: 'CUSTOMER_SERVICE', ...body }),
  }),
  taskOutcome({
    taskType: 'HANDOVER',
    bodySchema: handoverOutcomeBodySchema,
    toOutcome: async ({ code }, task, { prisma }) => {
      const orderId = (task.payload as { orderId?: string }).orderId ?? '';
      const order = await prisma.order.findUnique({ where: { id: orderId }, select: { pickupCodeHash: true } });
      const codeMatched = order?.pickupCodeHash != null && (await pickupCodeMatches(code, order.pickupCodeHash));
      return { type: 'HANDOVER', codeMatched };
    },
  }),
];
