import { Link, useRecordContext } from 'react-admin';
import { type TaskRecord } from './task-record';

/** The order the task is about, by the number the customer knows. */
export function TaskOrderLink() {
  const task = useRecordContext<TaskRecord>();
  const orderId = task?.payload.orderId;
  if (orderId === undefined) return null;
  return <Link to={`/orders/${orderId}/show`}>{task?.payload.externalId ?? orderId}</Link>;
}
