import { DataTable, ExportButton, List, ReferenceField, ReferenceInput, SelectInput, TextField, TextInput, TopToolbar } from 'react-admin';
import { adminConfig } from '../config';
import { OutageOptionText } from '../outages/OutageOptionText';
import { StoreFilterInput } from '../shared/StoreFilterInput';
import { BulkDecisionButton } from './BulkDecisionButton';
import { DecisionButtons } from './DecisionButtons';
import {
  CorrectionField,
  DiscrepancyClassField,
  DiscrepancyStatusField,
  DiscrepancyValueField,
  QuantityField,
  SkuField,
} from './DiscrepancyFields';
import { discrepancyClassChoices, openStatuses } from './discrepancy-record';
import { MinValueFilterInput } from './MinValueFilterInput';
import { ReviewHeader } from './ReviewHeader';
import { ReviewTabs } from './ReviewTabs';

/** Pending discrepancies change as a colleague decides them: the table asks again while open. */
const reviewRefreshMs = 10_000;

function ReviewActions() {
  return (
    <TopToolbar sx={{ flexWrap: 'wrap' }}>
      <BulkDecisionButton decision="APPROVE" />
      <BulkDecisionButton decision="REJECT" />
      <ExportButton />
    </TopToolbar>
  );
}

/**
 * The reconciliation review (issue 12): every discrepancy of an outage's reconciliation beyond tolerance,
 * with the journal's, our system's and the channel's numbers side by side, the correction proposed, its value
 * and where it stands, filtered by outage, class, store, SKU and value; decided row by row or in bulk.
 */
export function DiscrepancyList() {
  const filters = [
    <ReferenceInput key="outageId" source="outageId" reference="outages" sort={{ field: 'detectedAt', order: 'DESC' }} alwaysOn>
      <SelectInput optionText={<OutageOptionText />} />
    </ReferenceInput>,
    <SelectInput key="class" source="class" choices={discrepancyClassChoices} alwaysOn />,
    <StoreFilterInput key="storeId" />,
    <TextInput key="sku" source="sku" />,
    <MinValueFilterInput key="minValueMinor" source="minValueMinor" />,
  ];
  return (
    <List
      sort={{ field: 'valueMinor', order: 'DESC' }}
      filters={filters}
      filterDefaultValues={{ status: openStatuses }}
      actions={<ReviewActions />}
      perPage={adminConfig.listPageSize}
      queryOptions={{ refetchInterval: reviewRefreshMs }}
    >
      <ReviewHeader />
      <ReviewTabs />
      <DataTable rowClick={false} bulkActionButtons={false}>
        <DataTable.Col source="class" disableSort>
          <DiscrepancyClassField />
        </DataTable.Col>
        <DataTable.Col source="storeId" disableSort>
          <TextField source="storeCode" emptyText="—" />
        </DataTable.Col>
        <DataTable.Col source="channelId" disableSort>
          <ReferenceField source="channelId" reference="channels" link={false} emptyText="—">
            <TextField source="name" />
          </ReferenceField>
        </DataTable.Col>
        <DataTable.Col source="sku" disableSort>
          <SkuField />
        </DataTable.Col>
        <DataTable.Col source="journalQty" align="right" disableSort>
          <QuantityField source="journalQty" />
        </DataTable.Col>
        <DataTable.Col source="systemQty" align="right" disableSort>
          <QuantityField source="systemQty" />
        </DataTable.Col>
        <DataTable.Col source="channelQty" align="right" disableSort>
          <QuantityField source="channelQty" />
        </DataTable.Col>
        <DataTable.Col source="correction" align="right" disableSort>
          <CorrectionField />
        </DataTable.Col>
        <DataTable.Col source="valueMinor" align="right">
          <DiscrepancyValueField />
        </DataTable.Col>
        <DataTable.Col source="status" disableSort>
          <DiscrepancyStatusField />
        </DataTable.Col>
        <DataTable.Col source="decision" label="omni.discrepancy.decide" disableSort>
          <DecisionButtons />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
