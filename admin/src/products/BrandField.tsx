import { TextField, type TextFieldProps } from 'react-admin';

/** A product's brand; a product without one shows a dash. */
export function BrandField(props: TextFieldProps) {
  return <TextField {...props} emptyText="—" />;
}
