import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { ConflictError, InvalidDataError } from '../../domain/errors';
import { fieldErrorsOfFailure, INVALID_DATA } from '../../domain/failures/invalid-data-failure';

/**
 * Runs a call to a workflow (an Update) and answers its refusals in the API's terms: a validator's or
 * handler's INVALID_DATA is a 400 with the field errors it carried; every other refusal (task not
 * current, locked, no longer cancellable) and a run that has already finished are 409s with the
 * workflow's message, which is written for the person who clicked.
 */
export async function withWorkflowRefusals<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
      const failure = error.cause;
      if (failure.type === INVALID_DATA) throw new InvalidDataError(failure.message, fieldErrorsOfFailure(failure.details));
      throw new ConflictError(failure.message);
    }
    if (error instanceof WorkflowNotFoundError || isCompletedWorkflowError(error))
      throw new ConflictError('This process has already finished');
    throw error;
  }
}

/** The server refuses Updates to a closed run with FAILED_PRECONDITION "workflow execution already completed". */
function isCompletedWorkflowError(error: unknown): boolean {
  return error instanceof Error && /already completed/i.test(error.message);
}
