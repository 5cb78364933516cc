import { Chip, Typography, useMediaQuery, type Theme } from '@mui/material';
import { DataTable, List, SelectInput, SimpleList, TextInput, usePermissions, useRecordContext } from 'react-admin';
import { type Permissions, isConfinedToStore } from '../auth/permissions';
import { adminConfig } from '../config';
import { StoreFilterInput } from '../shared/StoreFilterInput';
import { useDateTimeFormat } from '../shared/useDateTimeFormat';
import { conflictPath, type OfflineSaleConflictRecord, unitsOf } from './conflict-compare';
import { useScreenMessages } from './useScreenMessages';

function StatusChip() {
  const conflict = useRecordContext<OfflineSaleConflictRecord>();
  const t = useScreenMessages();
  if (conflict === undefined) return null;
  return (
    <Chip
      size="small"
      className="conflict-status"
      color={conflict.status === 'OPEN' ? 'warning' : 'default'}
      label={t(conflict.decision === null ? 'omni.conflicts.status_OPEN' : `omni.conflicts.decision_${conflict.decision}`)}
    />
  );
}

function UnitsText() {
  const conflict = useRecordContext<OfflineSaleConflictRecord>();
  const t = useScreenMessages();
  if (conflict === undefined) return null;
  return (
    <Typography component="span" variant="body2">
      {t('omni.conflicts.units', { journal: unitsOf(conflict.journal), incoming: unitsOf(conflict.incoming) })}
    </Typography>
  );
}

function CreatedAt() {
  const conflict = useRecordContext<OfflineSaleConflictRecord>();
  const time = useDateTimeFormat();
  return (
    <Typography component="span" variant="body2">
      {time(conflict?.createdAt)}
    </Typography>
  );
}

const openConflict = (id: string | number) => conflictPath(String(id));

/**
 * Receipts imported again with other content, to decide: open ones by default, newest first, by store (head office)
 * and by outage (the outage page links here filtered by it). A phone gets one card per conflict.
 */
export function OfflineSaleConflictList() {
  const t = useScreenMessages();
  const { permissions } = usePermissions<Permissions>();
  const phone = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  const filters = [
    <SelectInput
      key="status"
      source="status"
      label={t('omni.conflicts.status')}
      alwaysOn
      emptyText="—"
      choices={[
        { id: 'OPEN', name: t('omni.conflicts.status_OPEN') },
        { id: 'DECIDED', name: t('omni.conflicts.status_DECIDED') },
      ]}
    />,
    ...(isConfinedToStore(permissions) ? [] : [<StoreFilterInput key="storeId" alwaysOn />]),
    <TextInput key="receiptNumber" source="receiptNumber" label={t('omni.conflicts.receipt')} />,
  ];
  return (
    <List
      resource="offline-sale-conflicts"
      title={t('omni.conflicts.title')}
      sort={{ field: 'createdAt', order: 'DESC' }}
      filters={filters}
      filterDefaultValues={{ status: 'OPEN' }}
      perPage={adminConfig.listPageSize}
      exporter={false}
      empty={false}
      className="offline-sale-conflicts"
    >
      <Typography variant="body2" color="text.secondary" sx={{ px: 2, pt: 1 }}>
        {t('omni.conflicts.help')}
      </Typography>
      {phone ? (
        <SimpleList<OfflineSaleConflictRecord>
          primaryText={(conflict) => `${conflict.receiptNumber} · ${conflict.storeCode}`}
          secondaryText={(conflict) =>
            t('omni.conflicts.units', { journal: unitsOf(conflict.journal), incoming: unitsOf(conflict.incoming) })
          }
          tertiaryText={(conflict) =>
            t(conflict.decision === null ? 'omni.conflicts.status_OPEN' : `omni.conflicts.decision_${conflict.decision}`)
          }
          rowClick={openConflict}
          empty={<Typography sx={{ p: 2 }}>{t('omni.conflicts.empty')}</Typography>}
        />
      ) : (
        <DataTable
          rowClick={openConflict}
          bulkActionButtons={false}
          empty={<Typography sx={{ p: 2 }}>{t('omni.conflicts.empty')}</Typography>}
        >
          <DataTable.Col source="receiptNumber" label={t('omni.conflicts.receipt')} disableSort />
          <DataTable.Col source="storeCode" label={t('omni.conflicts.store')} disableSort />
          <DataTable.Col source="units" label={t('omni.conflicts.quantity')} disableSort>
            <UnitsText />
          </DataTable.Col>
          <DataTable.Col source="status" label={t('omni.conflicts.status')} disableSort>
            <StatusChip />
          </DataTable.Col>
          <DataTable.Col source="createdAt" label={t('omni.conflicts.created')}>
            <CreatedAt />
          </DataTable.Col>
        </DataTable>
      )}
    </List>
  );
}
