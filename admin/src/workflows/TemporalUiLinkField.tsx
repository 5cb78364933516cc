import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import { Link } from '@mui/material';
import { type FieldProps, useRecordContext, useTranslate } from 'react-admin';

/** The run in Temporal's own Web UI (history, pending activities), in a new tab. */
export function TemporalUiLinkField(_props: FieldProps) {
  const record = useRecordContext<{ temporalUiUrl?: string }>();
  const translate = useTranslate();
  if (record?.temporalUiUrl === undefined) return null;
  return (
    <Link href={record.temporalUiUrl} target="_blank" rel="noreferrer" onClick={(event) => event.stopPropagation()}>
      {translate('omni.workflow.open_in_temporal')} <OpenInNewIcon fontSize="inherit" />
    </Link>
  );
}
