import { Link, useRecordContext } from 'react-admin';
import { type WorkflowRecord } from './workflow-record';

/** The order the run was started for, by its number, opening the order (clicking it does not open the run). */
export function RunOrderLink() {
  const run = useRecordContext<WorkflowRecord>();
  if (run?.orderId == null) return null;
  return (
    <Link
      to={`/orders/${run.orderId}/show`}
      onClick={(event: { stopPropagation: () => void }) => event.stopPropagation()}
      className="run-order-link"
    >
      {run.orderNumber ?? run.orderId}
    </Link>
  );
}
