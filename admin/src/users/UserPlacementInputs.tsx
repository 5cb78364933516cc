import { BooleanInput, FormDataConsumer, ReferenceInput, required, SelectInput } from 'react-admin';
import { roleChoices } from './role-choices';

/** Role, and for store staff their one store and whether they manage it (the API refuses other mixes). */
export function UserPlacementInputs() {
  return (
    <>
      <SelectInput source="role" choices={roleChoices} validate={required()} />
      <FormDataConsumer<{ role?: string }>>
        {({ formData }) =>
          formData.role === 'STORE_STAFF' && (
            <>
              <ReferenceInput source="storeId" reference="stores" sort={{ field: 'code', order: 'ASC' }}>
                <SelectInput optionText="name" validate={required()} />
              </ReferenceInput>
              <BooleanInput source="isStoreManager" />
            </>
          )
        }
      </FormDataConsumer>
    </>
  );
}

/** What the API takes for a role: head office has no store and manages none. */
export function placementOf<T extends { role?: string; storeId?: string | null; isStoreManager?: boolean }>(data: T): T {
  return data.role === 'STORE_STAFF' ? data : { ...data, storeId: null, isStoreManager: false };
}
