import KeyIcon from '@mui/icons-material/Key';
import { Button as MuiButton, Dialog, DialogActions, DialogContent, DialogTitle, TextField } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, useCanAccess, useDataProvider, useNotify, useRecordContext, useTranslate } from 'react-admin';
import { type OmnichannelDataProvider } from '../data/data-provider';

const minPasswordLength = 12;

/** An admin sets a new password for someone who lost theirs (audited, the password itself is not). */
export function ResetPasswordButton() {
  const user = useRecordContext<{ id: string; name: string }>();
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<OmnichannelDataProvider>();
  const { canAccess } = useCanAccess({ resource: 'users', action: 'reset-password' });
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  const { mutate, isPending } = useMutation({
    mutationFn: () => dataProvider.recordAction('users', { id: user?.id ?? '', action: 'reset-password', body: { password } }),
    onSuccess: () => {
      setOpen(false);
      setPassword('');
      notify('omni.user.password_reset', { type: 'info' });
    },
    onError: (error: Error) => notify(error.message, { type: 'error' }),
  });
  if (canAccess !== true || user === undefined) return null;
  const tooShort = password.length < minPasswordLength;
  return (
    <>
      <Button label="omni.user.reset_password" onClick={() => setOpen(true)}>
        <KeyIcon />
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="xs">
        <DialogTitle>{translate('omni.user.reset_password_title', { name: user.name })}</DialogTitle>
        <DialogContent>
          <TextField
            type="password"
            name="new-password"
            fullWidth
            margin="normal"
            label={translate('omni.user.new_password')}
            helperText={translate('omni.user.password_rule', { count: minPasswordLength })}
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            autoComplete="new-password"
          />
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setOpen(false)} sx={{ textTransform: 'none' }}>
            {translate('omni.user.keep_password')}
          </MuiButton>
          <MuiButton variant="contained" disabled={tooShort || isPending} onClick={() => mutate()} sx={{ textTransform: 'none' }}>
            {translate('omni.user.set_password')}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
}
