import { BooleanInput, Edit, Labeled, required, SimpleForm, TextField, TextInput } from 'react-admin';
import { useRecordLoadError } from '../shared/useRecordLoadError';
import { placementOf, UserPlacementInputs } from './UserPlacementInputs';

interface EditableUser {
  name?: string;
  role?: string;
  storeId?: string | null;
  isStoreManager?: boolean;
  active?: boolean;
}

/** Only what PATCH /api/users/:id takes; the email and sign-in history are not edited here. */
const editable = ({ name, role, storeId, isStoreManager, active }: EditableUser): EditableUser =>
  placementOf({ name, role, storeId: storeId ?? null, isStoreManager: isStoreManager ?? false, active });

/** Role, store and active: unticking Active signs the person out on their next request. */
export function UserEdit() {
  const onLoadError = useRecordLoadError();
  return (
    <Edit mutationMode="pessimistic" redirect="show" queryOptions={{ onError: onLoadError }} transform={editable}>
      <SimpleForm>
        <Labeled source="email">
          <TextField source="email" />
        </Labeled>
        <TextInput source="name" validate={required()} />
        <UserPlacementInputs />
        <BooleanInput source="active" helperText="omni.user.active_help" />
      </SimpleForm>
    </Edit>
  );
}
