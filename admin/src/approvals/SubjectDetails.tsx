import { useRecordContext } from 'react-admin';
import { type ApprovalRecord } from './approval-record';
import { subjectDetails } from './subject-details';

/** The subject's own panel (subject-details.ts), when its domain has one. */
export function SubjectDetails() {
  const approval = useRecordContext<ApprovalRecord>();
  const Details = approval === undefined ? undefined : subjectDetails[approval.subjectType];
  return Details === undefined ? null : <Details />;
}
