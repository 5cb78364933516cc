import { DateField, Labeled, SelectField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { MoneyField } from '../shared/MoneyField';
import { approvalStatusChoices, approverLevelChoices } from './approval-record';
import { DecideApprovalPanel } from './DecideApprovalPanel';
import { SubjectDiffTable } from './SubjectDiffTable';
import { SubjectLink } from './SubjectLink';
import { SubjectDetails } from './SubjectDetails';

/** One request: what is asked (summary, amount, level), what changed since, and the decision. */
export function ApprovalShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <TextField source="summary" />
        <TextField source="subjectNow.summary" emptyText="—" />
        <SubjectLink />
        <SubjectDetails />
        <MoneyField source="amountMinor" />
        <SelectField source="requiredLevel" choices={approverLevelChoices} />
        <SelectField source="status" choices={approvalStatusChoices} />
        <DateField source="slaDueAt" showTime />
        <DateField source="escalatedAt" showTime emptyText="—" />
        <TextField source="reason" emptyText="—" />
        <Labeled label="omni.approval.changes">
          <SubjectDiffTable />
        </Labeled>
        <DecideApprovalPanel />
      </SimpleShowLayout>
    </Show>
  );
}
