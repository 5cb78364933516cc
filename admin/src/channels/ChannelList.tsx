import { DataTable, List, SearchInput, SelectField, SelectInput } from 'react-admin';
import { adminConfig } from '../config';
import { channelKindChoices, channelStatusChoices } from './channel-choices';
import { ChannelStatusChip } from './ChannelStatusChip';
import { StoreDateField } from '../shared/StoreDateField';

const channelFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="status" source="status" choices={channelStatusChoices} alwaysOn />,
  <SelectInput key="kind" source="kind" choices={channelKindChoices} />,
];

/** Columns the API cannot sort by are marked so: it answers an unknown sort field with a 400. */
export function ChannelList() {
  return (
    <List sort={{ field: 'code', order: 'ASC' }} filters={channelFilters} perPage={adminConfig.listPageSize}>
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="code" />
        <DataTable.Col source="name" />
        <DataTable.Col source="kind">
          <SelectField source="kind" choices={channelKindChoices} />
        </DataTable.Col>
        <DataTable.Col source="status" field={ChannelStatusChip} />
        <DataTable.NumberCol source="requestsPerSecond" disableSort />
        <DataTable.NumberCol source="burst" disableSort />
        <DataTable.NumberCol source="safetyBuffer" disableSort />
        <DataTable.Col source="lastHealthyAt" disableSort>
          <StoreDateField source="lastHealthyAt" showTime />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
