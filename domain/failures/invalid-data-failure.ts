import { ApplicationFailure } from '@temporalio/common';
import { type FieldErrors } from '../errors';

/**
 * The one shape of an INVALID_DATA failure, whoever raises it (an activity rethrowing an
 * InvalidDataError, a workflow's Update validator refusing an outcome): `details: [{ fieldErrors }]`,
 * field path to message. The API reads it back with `fieldErrorsOfFailure` into a 400's `errors`.
 * Pure (only @temporalio/common), so workflow code imports it too.
 */
export interface InvalidDataDetails {
  fieldErrors: FieldErrors;
}

export const INVALID_DATA = 'INVALID_DATA';

export function invalidDataFailure(message: string, fieldErrors: FieldErrors = {}): ApplicationFailure {
  const details: [InvalidDataDetails] = [{ fieldErrors }];
  return ApplicationFailure.create({ type: INVALID_DATA, message, nonRetryable: true, details });
}

/** The field errors an INVALID_DATA failure carried; {} for anything else. */
export function fieldErrorsOfFailure(details: readonly unknown[] | null | undefined): FieldErrors {
  const [first] = details ?? [];
  if (typeof first !== 'object' || first === null || !('fieldErrors' in first)) return {};
  const { fieldErrors } = first;
  if (typeof fieldErrors !== 'object' || fieldErrors === null) return {};
  return Object.fromEntries(Object.entries(fieldErrors).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}
