import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Button } from '@mui/material';
import {
  DataTable,
  ExportButton,
  Link,
  List,
  ReferenceInput,
  SelectField,
  SelectInput,
  TextField,
  TopToolbar,
  usePermissions,
  useTranslate,
} from 'react-admin';
import { type Permissions, isConfinedToStore } from '../auth/permissions';
import { adminConfig } from '../config';
import { StoreFilterInput } from '../shared/StoreFilterInput';
import { DeclareOutageButton } from './DeclareOutageButton';
import { MeasuresInForceField } from './MeasuresInForceField';
import { OutageDateField } from './OutageDateField';
import { OutageOpenTabs } from './OutageOpenTabs';
import { OutageSubjectField } from './OutageSubjectField';
import { offlineSalesImportPath } from './offline-sales-import-path';
import { outageKindChoices, outageRefreshMs, outageStatusChoices } from './outage-record';

function ImportButton() {
  const translate = useTranslate();
  const { permissions } = usePermissions<Permissions>();
  return (
    <Button
      component={Link}
      to={offlineSalesImportPath(permissions?.storeId ?? null)}
      size="small"
      startIcon={<UploadFileIcon />}
      className="import-offline-sales"
    >
      {translate('omni.offline_sales.import')}
    </Button>
  );
}

function OutageListActions() {
  return (
    <TopToolbar sx={{ flexWrap: 'wrap' }}>
      <DeclareOutageButton />
      <ImportButton />
      <ExportButton />
    </TopToolbar>
  );
}

/**
 * Outages, open ones first by default and newest first, refreshed while the page is open. Store staff see
 * their own store's and every channel's (the API narrows), so they have no store filter.
 */
export function OutageList() {
  const { permissions } = usePermissions<Permissions>();
  const filters = [
    ...(isConfinedToStore(permissions) ? [] : [<StoreFilterInput key="storeId" />]),
    <ReferenceInput key="channelId" source="channelId" reference="channels" sort={{ field: 'code', order: 'ASC' }}>
      <SelectInput optionText="name" />
    </ReferenceInput>,
  ];
  return (
    <List
      sort={{ field: 'detectedAt', order: 'DESC' }}
      filters={filters}
      filterDefaultValues={{ open: true }}
      actions={<OutageListActions />}
      perPage={adminConfig.listPageSize}
      queryOptions={{ refetchInterval: outageRefreshMs }}
    >
      <OutageOpenTabs />
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="subject" label="omni.outage.subject" disableSort>
          <OutageSubjectField />
        </DataTable.Col>
        <DataTable.Col source="kind" disableSort>
          <SelectField source="kind" choices={outageKindChoices} />
        </DataTable.Col>
        <DataTable.Col source="status">
          <SelectField source="status" choices={outageStatusChoices} />
        </DataTable.Col>
        <DataTable.Col source="cause" disableSort>
          <TextField
            source="cause"
            sx={{ display: 'block', maxWidth: 280, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
          />
        </DataTable.Col>
        <DataTable.Col source="measures" label="omni.outage.measures_in_force" disableSort>
          <MeasuresInForceField />
        </DataTable.Col>
        <DataTable.Col source="detectedAt">
          <OutageDateField source="detectedAt" />
        </DataTable.Col>
        <DataTable.Col source="resolvedAt" disableSort>
          <OutageDateField source="resolvedAt" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
