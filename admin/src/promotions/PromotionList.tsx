import { Tab, Tabs } from '@mui/material';
import { type SyntheticEvent } from 'react';
import {
  CreateButton,
  DataTable,
  DateField,
  FunctionField,
  List,
  SearchInput,
  SelectField,
  TextField,
  TopToolbar,
  useListContext,
  usePermissions,
  useTranslate,
} from 'react-admin';
import { type Permissions } from '../auth/permissions';
import { adminConfig } from '../config';
import { DiscountText } from './DiscountText';
import { canWritePromotions } from './access';
import { promotionStatusChoices, promotionTabs, type PromotionRecord } from './promotion-record';

function ListActions() {
  const { permissions } = usePermissions<Permissions>();
  return <TopToolbar>{canWritePromotions(permissions) && <CreateButton label="omni.promotion.create" />}</TopToolbar>;
}

/** Status tabs over the API's `status` filter (issue #11: draft, pending approval, scheduled, active, ended, failed, or all). */
function StatusTabs() {
  const translate = useTranslate();
  const list = useListContext();
  const filterValues = list.filterValues as Record<string, unknown>;
  const displayedFilters = list.displayedFilters as Record<string, boolean>;
  const current = typeof filterValues.status === 'string' ? filterValues.status : 'all';
  const onChange = (_event: SyntheticEvent, tab: string) => {
    const { status: _old, ...rest } = filterValues;
    list.setFilters(tab === 'all' ? rest : { ...rest, status: tab }, displayedFilters);
  };
  return (
    <Tabs value={current} onChange={onChange} variant="scrollable" scrollButtons="auto" allowScrollButtonsMobile>
      {promotionTabs.map((tab) => (
        <Tab key={tab} value={tab} label={translate(tab === 'all' ? 'omni.promotion.tab_all' : `omni.promotion.status.${tab}`)} />
      ))}
    </Tabs>
  );
}

/** Promotions, starting soonest last (newest windows first), in tabs by status. */
export function PromotionList() {
  return (
    <List
      sort={{ field: 'startsAt', order: 'DESC' }}
      filters={[<SearchInput key="q" source="q" alwaysOn />]}
      actions={<ListActions />}
      perPage={adminConfig.listPageSize}
      // The tabs and New promotion stay when a tab (or the whole list) is empty.
      empty={false}
    >
      <StatusTabs />
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="name">
          <TextField source="name" />
        </DataTable.Col>
        <DataTable.Col source="discountType" disableSort>
          <DiscountText />
        </DataTable.Col>
        <DataTable.Col source="skuCount" disableSort>
          <TextField source="skuCount" />
        </DataTable.Col>
        <DataTable.Col source="channelCodes" disableSort>
          <FunctionField<PromotionRecord> render={(record) => record.channelCodes.join(', ')} />
        </DataTable.Col>
        <DataTable.Col source="startsAt">
          <FunctionField<PromotionRecord> render={(record) => `${record.startsLocal.replace('T', ' ')} ${record.timeZone}`} />
        </DataTable.Col>
        <DataTable.Col source="endsAt" disableSort>
          <DateField source="endsAt" showTime />
        </DataTable.Col>
        <DataTable.Col source="status">
          <SelectField source="status" choices={promotionStatusChoices} />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
