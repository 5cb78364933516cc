import AssignmentReturnIcon from '@mui/icons-material/AssignmentReturn';
import { Button, Link, useCanAccess, useRecordContext } from 'react-admin';
import { mayHoldReturnableItems } from './return-record';

/**
 * On an order's page, once the customer has the goods: opens "Return items" for this order, so the
 * clerk does not search for it again. Which lines can still come back is the API's answer there.
 */
export function ReturnItemsButton() {
  const order = useRecordContext<{ id: string; status: string }>();
  const { canAccess } = useCanAccess({ resource: 'returns', action: 'create' });
  if (canAccess !== true || !mayHoldReturnableItems(order)) return null;
  return (
    <Button
      component={Link}
      to={{ pathname: '/returns/create', search: `?${new URLSearchParams({ orderId: order?.id ?? '' }).toString()}` }}
      label="omni.return.return_items"
      className="return-items-button"
    >
      <AssignmentReturnIcon />
    </Button>
  );
}
