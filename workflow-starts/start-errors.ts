import { isGrpcServiceError } from '@temporalio/client';

/**
 * gRPC codes with which Temporal refuses a start for good: the request itself is wrong (a search
 * attribute the namespace does not know, a bad task queue name), the namespace does not exist, or we are
 * not allowed. Retrying changes nothing; a person must act (the start is FAILED with the reason).
 * Everything else (deadline, unavailable, overloaded, a lost connection) is retried with backoff.
 */
const permanentCodes: ReadonlySet<number> = new Set([
  3, // INVALID_ARGUMENT
  5, // NOT_FOUND
  7, // PERMISSION_DENIED
  12, // UNIMPLEMENTED
  16, // UNAUTHENTICATED
]);

function grpcCodeOf(error: unknown): number | undefined {
  for (let current: unknown = error, depth = 0; current !== undefined && current !== null && depth < 8; depth += 1) {
    if (isGrpcServiceError(current)) return current.code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

export function isPermanentStartFailure(error: unknown): boolean {
  const code = grpcCodeOf(error);
  return code !== undefined && permanentCodes.has(code);
}

/** One line for last_error and the UI: the innermost message says what Temporal said. */
export function describeStartFailure(error: unknown): string {
  const messages: string[] = [];
  for (let current: unknown = error, depth = 0; current instanceof Error && depth < 8; depth += 1) {
    if (!messages.includes(current.message)) messages.push(current.message);
    current = current.cause;
  }
  const text = messages.length === 0 ? String(error) : messages.join(': ');
  return text.length > 1000 ? `${text.slice(0, 997)}...` : text;
}
