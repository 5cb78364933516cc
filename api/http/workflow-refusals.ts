import {
  isGrpcServiceError,
  ServiceError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { ConflictError, InvalidDataError, ServiceUnavailableError } from '../../domain/errors';
import { fieldErrorsOfFailure, INVALID_DATA } from '../../domain/failures/invalid-data-failure';

/**
 * Runs a call to a workflow (an Update) and answers its refusals in the API's terms: a validator's or
 * handler's INVALID_DATA is a 400 with the field errors it carried; every other refusal (task not
 * current, locked, no longer cancellable) and a run that has already finished are 409s with the
 * workflow's message, which is written for the person who clicked; Temporal out of reach is a 503.
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
    if (isTemporalUnavailable(error))
      throw new ServiceUnavailableError('The process engine is not reachable right now; nothing was lost, try again shortly');
    throw error;
  }
}

/** gRPC status codes: DEADLINE_EXCEEDED (4), RESOURCE_EXHAUSTED (8), UNAVAILABLE (14). */
const unavailableCodes = new Set<number>([4, 8, 14]);

/**
 * Temporal (or, on a cluster, its history service) restarting or out of reach: the call never reached the
 * run, or its answer did not come back in time. A 503 with Retry-After, like any dependency that is
 * briefly away; the caller's retry finds the task done if the first attempt was applied after all (409).
 */
function isTemporalUnavailable(error: unknown): boolean {
  if (error instanceof WorkflowUpdateRPCTimeoutOrCancelledError) return true;
  const grpc = error instanceof ServiceError ? error.cause : error;
  return isGrpcServiceError(grpc) && unavailableCodes.has(grpc.code);
}

/** The server refuses Updates to a closed run with FAILED_PRECONDITION "workflow execution already completed". */
function isCompletedWorkflowError(error: unknown): boolean {
  return error instanceof Error && /already completed/i.test(error.message);
}
