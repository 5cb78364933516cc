import { MenuItem, TextField } from '@mui/material';
import { useGetList } from 'react-admin';

interface StoreChoice {
  id: string;
  code: string;
  name: string;
  active: boolean;
}

/**
 * Head office names a store where store staff act at their own (receiving a return, a till spending store
 * credit): a select of the active stores, "AMS-01 Amsterdam Centrum". The stores are read only once shown.
 */
export function ActiveStoreSelect(props: {
  name: string;
  label: string;
  value: string;
  onChange: (storeId: string) => void;
  helperText?: string;
  error?: boolean;
}) {
  const { data: stores } = useGetList<StoreChoice>('stores', {
    pagination: { page: 1, perPage: 200 },
    sort: { field: 'code', order: 'ASC' },
  });
  return (
    <TextField
      select
      name={props.name}
      label={props.label}
      value={props.value}
      onChange={(event) => props.onChange(event.target.value)}
      error={props.error}
      helperText={props.helperText}
      required
    >
      {(stores ?? [])
        .filter((store) => store.active !== false)
        .map((store) => (
          <MenuItem key={store.id} value={store.id}>
            {store.code} {store.name}
          </MenuItem>
        ))}
    </TextField>
  );
}
