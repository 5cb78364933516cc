import { useRecordContext } from 'react-admin';
import { useDateTimeFormat } from '../shared/useDateTimeFormat';
import { type OutageRecord } from './outage-record';
import { useOutageSubject } from './useOutageSubject';

/** An outage in a select: what was down and since when ("AMS-01 Amsterdam · 3 Dec 2026, 10:05"). */
export function OutageOptionText() {
  const outage = useRecordContext<OutageRecord>();
  const { name, store } = useOutageSubject(outage);
  const time = useDateTimeFormat(store?.timeZone);
  if (outage === undefined) return null;
  return <span className="outage-option">{`${name} · ${time(outage.detectedAt)}`}</span>;
}
