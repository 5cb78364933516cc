import { Alert, Button, Card, CardContent, CircularProgress, Stack } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Title, useLocation, useTranslate } from 'react-admin';
import { OrderSearch } from './OrderSearch';
import { type ReturnableOrder } from './return-record';
import { ReturnRequestForm } from './ReturnRequestForm';
import { useReturnActions } from './useReturnActions';

/**
 * "Return items": find the purchase (or come from its order's page with `?orderId=`), then say what comes
 * back. The order's own page hands its id over, so the clerk does not search again.
 */
export function ReturnCreate() {
  const translate = useTranslate();
  const orderId = new URLSearchParams(useLocation().search).get('orderId');
  const [chosen, setChosen] = useState<ReturnableOrder | null>(null);
  const { findOrders } = useReturnActions();
  const handedOver = useQuery({
    queryKey: ['returns', 'order-lookup', orderId],
    queryFn: () => findOrders(orderId ?? ''),
    enabled: orderId !== null && chosen === null,
  });
  const fromOrderPage = handedOver.data?.find((order) => order.id === orderId) ?? null;
  const order = chosen ?? fromOrderPage;
  return (
    <Card className="return-create-page" sx={{ mt: 1, overflowX: 'hidden' }}>
      <Title title="omni.return.return_items" />
      <CardContent>
        {orderId !== null && chosen === null && handedOver.isPending && <CircularProgress size={24} />}
        {handedOver.error !== null && <Alert severity="error">{handedOver.error.message}</Alert>}
        {order === null ? (
          (orderId === null || !handedOver.isPending) && <OrderSearch onChoose={setChosen} />
        ) : (
          <Stack spacing={2}>
            <ReturnRequestForm key={order.id} order={order} />
            <div>
              <Button variant="text" onClick={() => setChosen(null)} href="#/returns/create">
                {translate('omni.return.other_order')}
              </Button>
            </div>
          </Stack>
        )}
      </CardContent>
    </Card>
  );
}
