import { DataTable, List, SelectInput, TextInput } from 'react-admin';
import { adminConfig } from '../config';
import { CurrentStepField } from './CurrentStepField';
import { RunOrderLink } from './RunOrderLink';
import { RunStatusField } from './RunStatusField';
import { TemporalUiLinkField } from './TemporalUiLinkField';
import { workflowDomainChoices, workflowStatusChoices, workflowTypeChoices } from './workflow-choices';
import { StoreDateField } from '../shared/StoreDateField';

const workflowFilters = [
  <TextInput key="order" source="order" alwaysOn resettable />,
  <TextInput key="q" source="q" alwaysOn resettable />,
  <SelectInput key="status" source="status" choices={workflowStatusChoices} alwaysOn />,
  <SelectInput key="type" source="type" choices={workflowTypeChoices} alwaysOn />,
  <SelectInput key="domain" source="domain" choices={workflowDomainChoices} />,
];

/** Every run, newest first (Temporal's visibility cannot sort otherwise, so columns are not sortable). */
export function WorkflowList() {
  return (
    <List sort={{ field: 'startTime', order: 'DESC' }} filters={workflowFilters} perPage={adminConfig.listPageSize}>
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="type" disableSort />
        <DataTable.Col source="orderNumber" disableSort>
          <RunOrderLink />
        </DataTable.Col>
        <DataTable.Col source="customerName" disableSort />
        <DataTable.Col source="businessKey" disableSort />
        <DataTable.Col source="status" disableSort>
          <RunStatusField />
        </DataTable.Col>
        <DataTable.Col source="currentStep" disableSort>
          <CurrentStepField />
        </DataTable.Col>
        <DataTable.Col source="storeCode" disableSort />
        <DataTable.Col source="startTime" disableSort>
          <StoreDateField source="startTime" showTime />
        </DataTable.Col>
        <DataTable.Col source="closeTime" disableSort>
          <StoreDateField source="closeTime" showTime emptyText="—" />
        </DataTable.Col>
        <DataTable.Col source="temporalUiUrl" disableSort field={TemporalUiLinkField} />
      </DataTable>
    </List>
  );
}
