import { Button } from '@mui/material';
import { Link, useCreatePath, useRecordContext, useTranslate } from 'react-admin';
import { type ApprovalRecord } from './approval-record';

/** Approval subject types (domain/<domain>/*-rules.ts) whose records have a page here, by resource. */
const resourceBySubjectType: Record<string, string> = {
  STOCK_ADJUSTMENT: 'stock-adjustments',
  RETURN: 'returns',
  PROMOTION: 'promotions',
};

/** From the request to the thing it is about, when the UI has a page for it. */
export function SubjectLink() {
  const approval = useRecordContext<ApprovalRecord & { subjectId: string }>();
  const translate = useTranslate();
  const createPath = useCreatePath();
  const resource = approval === undefined ? undefined : resourceBySubjectType[approval.subjectType];
  if (approval === undefined || resource === undefined) return null;
  return (
    <Button component={Link} to={createPath({ resource, id: approval.subjectId, type: 'show' })} variant="text">
      {translate('omni.approval.open_subject')}
    </Button>
  );
}
