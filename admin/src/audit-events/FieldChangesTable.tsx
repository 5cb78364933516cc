import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { displayValue, fieldChangesOf } from './field-changes';

/** Audit entity types whose fields have labels under `resources.<resource>.fields`. */
const resourceByEntityType: Record<string, string> = { Store: 'stores', Channel: 'channels', Product: 'products', User: 'users' };

/** Before/after per changed field, old value struck through so the change reads at a glance. */
export function FieldChangesTable() {
  const event = useRecordContext<{ id: string; entityType: string; before: unknown; after: unknown }>();
  const translate = useTranslate();
  if (event === undefined) return null;
  const resource = resourceByEntityType[event.entityType];
  const fieldLabel = (field: string) => (resource === undefined ? field : translate(`resources.${resource}.fields.${field}`, { _: field }));
  const changes = fieldChangesOf(event.before, event.after);
  if (changes.length === 0) return <Typography variant="body2">{translate('omni.audit.no_changes')}</Typography>;
  return (
    <Table size="small" aria-label={translate('resources.audit-events.fields.changes')}>
      <TableHead>
        <TableRow>
          <TableCell>{translate('omni.audit.field')}</TableCell>
          <TableCell>{translate('omni.audit.before')}</TableCell>
          <TableCell>{translate('omni.audit.after')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {changes.map(({ field, before, after }) => (
          <TableRow key={field}>
            <TableCell component="th" scope="row">
              {fieldLabel(field)}
            </TableCell>
            <TableCell sx={{ color: 'text.secondary', textDecoration: before === undefined ? undefined : 'line-through' }}>
              {displayValue(before)}
            </TableCell>
            <TableCell sx={{ fontWeight: 'bold' }}>{displayValue(after)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
