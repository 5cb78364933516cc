import { Chip } from '@mui/material';
import { DataTable, DateField, FunctionField, List, SearchInput, TextField, useTranslate } from 'react-admin';
import { adminConfig } from '../config';
import { MoneyField } from '../shared/MoneyField';

interface SummaryRow {
  id: string;
  channelCount: number;
  checked: number;
  consistent: number;
  differing: number;
}

function ConsistencyChip({ record }: { record: SummaryRow }) {
  const translate = useTranslate();
  if (record.checked === 0) return <Chip size="small" label={translate('omni.price_consistency.never_checked')} />;
  return (
    <Chip
      size="small"
      color={record.differing > 0 ? 'error' : 'success'}
      label={translate('omni.price_consistency.at_expected', { consistent: record.consistent, checked: record.checked })}
    />
  );
}

/** SKUs with how many channels showed the expected price at their latest read-back; open one for its channels. */
export function PriceConsistencyList() {
  return (
    <List
      sort={{ field: 'sku', order: 'ASC' }}
      filters={[<SearchInput key="q" source="q" alwaysOn />]}
      perPage={adminConfig.listPageSize}
      exporter={false}
    >
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="sku">
          <TextField source="sku" />
        </DataTable.Col>
        <DataTable.Col source="name">
          <TextField source="name" />
        </DataTable.Col>
        <DataTable.Col source="basePriceMinor" disableSort>
          <MoneyField source="basePriceMinor" />
        </DataTable.Col>
        <DataTable.Col source="consistent" disableSort>
          <FunctionField<SummaryRow> render={(record) => <ConsistencyChip record={record} />} />
        </DataTable.Col>
        <DataTable.Col source="lastCheckedAt" disableSort>
          <DateField source="lastCheckedAt" showTime emptyText="—" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
