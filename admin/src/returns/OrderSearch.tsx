import SearchIcon from '@mui/icons-material/Search';
import { Alert, Button, Card, CardActionArea, CardContent, Stack, TextField, Typography } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { useLocaleFormat } from '../shared/useLocaleFormat';
import { useStoreTimeZone } from '../shared/useStoreTimeZone';
import { type ReturnableOrder } from './return-record';
import { useReturnActions } from './useReturnActions';

/** The API's bounds of the counter's search (returns.validators.ts, orderLookupQuerySchema). */
const minQueryLength = 3;
const maxQueryLength = 100;

/**
 * The counter's search for the purchase the customer brings back: by order number, the channel's order
 * id, or the customer's phone (as they say it) or e-mail, across every channel.
 */
export function OrderSearch({ onChoose }: { onChoose: (order: ReturnableOrder) => void }) {
  const translate = useTranslate();
  const format = useLocaleFormat();
  const timeZone = useStoreTimeZone();
  const { findOrders } = useReturnActions();
  const [query, setQuery] = useState('');
  const search = useMutation({ mutationFn: (text: string) => findOrders(text) });
  const trimmed = query.trim();
  const ready = trimmed.length >= minQueryLength;
  return (
    <Stack spacing={2} className="return-order-search" sx={{ maxWidth: 720 }}>
      <Typography variant="h6">{translate('omni.return.find_title')}</Typography>
      <Stack
        component="form"
        direction="row"
        spacing={1}
        useFlexGap
        sx={{ flexWrap: 'wrap', alignItems: 'flex-start' }}
        onSubmit={(event) => {
          event.preventDefault();
          if (ready) search.mutate(trimmed);
        }}
      >
        <TextField
          name="q"
          label={translate('omni.return.find_label')}
          helperText={translate('omni.return.find_help')}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          sx={{ flex: '1 1 16rem', minWidth: 0 }}
          slotProps={{ htmlInput: { maxLength: maxQueryLength } }}
          autoFocus
        />
        <Button
          type="submit"
          variant="contained"
          size="large"
          disabled={!ready || search.isPending}
          startIcon={<SearchIcon />}
          sx={{ minHeight: 56 }}
        >
          {translate('omni.return.find')}
        </Button>
      </Stack>
      {search.error !== null && <Alert severity="error">{search.error.message}</Alert>}
      {search.data !== undefined && search.variables !== undefined && (
        <Typography variant="body2" className="return-search-count">
          {search.data.length === 0
            ? translate('omni.return.found_none', { query: search.variables })
            : translate('omni.return.found_count', { smart_count: search.data.length })}
        </Typography>
      )}
      {search.data?.map((order) => (
        <Card key={order.id} variant="outlined" className="return-search-result" data-order={order.externalId}>
          <CardActionArea onClick={() => onChoose(order)} sx={{ minHeight: 48 }}>
            <CardContent>
              <Typography variant="subtitle1" sx={{ overflowWrap: 'anywhere' }}>
                {translate('omni.return.order_summary', {
                  externalId: order.externalId,
                  channel: order.channelCode,
                  customer: order.customerName ?? translate('omni.return.no_customer'),
                })}
              </Typography>
              <Typography variant="body2" color="text.secondary">
                {translate('omni.return.placed', { date: format.dateTime(order.placedAt, { timeZone }) })} ·{' '}
                {translate(`omni.order_status.${order.status}`)}
              </Typography>
              <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }}>
                {order.lines.map((line) => `${line.quantity} × ${line.name}`).join(', ')}
              </Typography>
              <Typography variant="button" color="primary">
                {translate('omni.return.choose_order')}
              </Typography>
            </CardContent>
          </CardActionArea>
        </Card>
      ))}
    </Stack>
  );
}
