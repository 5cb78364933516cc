import { Typography } from '@mui/material';
import { type MouseEvent } from 'react';
import { Link, useRecordContext } from 'react-admin';
import { entityShowPath } from './entity-routes';

/** The audited record's id as a link to its page (stopping the row's own click). */
export function AuditEntityField(_props: { source?: string; label?: string }) {
  const event = useRecordContext<{ entityType: string; entityId: string }>();
  if (event === undefined) return null;
  const path = entityShowPath(event.entityType, event.entityId);
  if (path === null)
    return (
      <Typography component="span" variant="body2">
        {event.entityId}
      </Typography>
    );
  return (
    <Link to={path} onClick={(click: MouseEvent<HTMLAnchorElement>) => click.stopPropagation()} className="audit-entity-link">
      {event.entityId}
    </Link>
  );
}
