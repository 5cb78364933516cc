import { Create, email, minLength, PasswordInput, required, SimpleForm, TextInput } from 'react-admin';
import { placementOf, UserPlacementInputs } from './UserPlacementInputs';

/** The API's minimum (user-management.validators.ts). */
const minPasswordLength = 12;

/** An admin creates an account and hands the first password over; the person can be given a new one later. */
export function UserCreate() {
  return (
    <Create redirect="show" transform={(data: Record<string, unknown>) => placementOf({ isStoreManager: false, storeId: null, ...data })}>
      <SimpleForm>
        <TextInput source="email" validate={[required(), email()]} />
        <TextInput source="name" validate={required()} />
        <PasswordInput source="password" validate={[required(), minLength(minPasswordLength)]} />
        <UserPlacementInputs />
      </SimpleForm>
    </Create>
  );
}
