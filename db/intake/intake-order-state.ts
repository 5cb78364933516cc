import { type FulfilmentType, type OrderStatus } from '../../prisma/client';

/** What intake reads back about an order to decide what happens after its transaction commits. */
export interface IntakeOrderState {
  id: string;
  status: OrderStatus;
  fulfilmentType: FulfilmentType;
  workflowId: string | null;
}

export const intakeOrderStateFields = { id: true, status: true, fulfilmentType: true, workflowId: true } as const;
