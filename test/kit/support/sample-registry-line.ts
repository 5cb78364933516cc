import { z } from 'zod';
import { taskOutcome } from '../../../api/workflow-registry/task-outcome-registration';
import { type RegisteredWorkflow } from '../../../api/workflow-registry/workflow-registry';
import { sampleStockCountWorkflow } from '../sample/sample-definition';

/** The sample stock count's registry line, as its domain would register it: definition and task outcome. */
export const sampleRegistryLine: RegisteredWorkflow = {
  definition: sampleStockCountWorkflow,
  taskOutcomes: [
    taskOutcome({
      taskType: 'ESCALATION',
      bodySchema: z.object({ countedQuantity: z.number().int().min(0).max(1_000_000) }).meta({ id: 'SampleStockCountOutcome' }),
      toOutcome: ({ countedQuantity }) => ({ type: 'ESCALATION', countedQuantity }),
    }),
  ],
};
