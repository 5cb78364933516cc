import { ReferenceInput, SelectInput } from 'react-admin';

/** Few stores, so a plain select; sorted by code because the API refuses to sort stores by id. */
export function StoreFilterInput({ source = 'storeId', alwaysOn }: { source?: string; alwaysOn?: boolean }) {
  return (
    <ReferenceInput source={source} reference="stores" sort={{ field: 'code', order: 'ASC' }} alwaysOn={alwaysOn}>
      <SelectInput optionText={(store: { code: string; name: string }) => `${store.code} ${store.name}`} />
    </ReferenceInput>
  );
}
