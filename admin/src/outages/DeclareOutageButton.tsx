import ReportProblemIcon from '@mui/icons-material/ReportProblem';
import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  FormControl,
  FormControlLabel,
  InputLabel,
  MenuItem,
  Radio,
  RadioGroup,
  Select,
  Stack,
  TextField,
} from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useGetList, useNotify, usePermissions, useRedirect, useTranslate } from 'react-admin';
import { type Permissions } from '../auth/permissions';
import { canDeclareAnyOutage } from './outage-record';
import { type OutageDeclaration, useOutageActions } from './useOutageActions';

/** The API's bounds on a cause (outages.validators.ts: boundedText max 500). */
const maxCauseLength = 500;
const everyRow = { pagination: { page: 1, perPage: 200 }, sort: { field: 'code', order: 'ASC' as const } };

/**
 * Declares an outage by hand: a channel that does not answer, or a store whose till cannot reach us ("our
 * internet is down"). Head office picks either; a store manager declares their own store's only. Declaring
 * what is already down joins that outage, and the page says so instead of opening a second one.
 */
export function DeclareOutageButton() {
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const { permissions } = usePermissions<Permissions>();
  const { declareOutage } = useOutageActions();
  const managerStore = permissions?.role === 'STORE_STAFF' ? permissions.storeId : null;
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<'STORE' | 'CHANNEL'>('STORE');
  const [subjectId, setSubjectId] = useState('');
  const [cause, setCause] = useState('');
  const { data: stores } = useGetList<{ id: string; code: string; name: string }>('stores', everyRow, { enabled: open });
  const { data: channels } = useGetList<{ id: string; code: string; name: string }>('channels', everyRow, {
    enabled: open && managerStore === null,
  });
  const chosenSubject = managerStore ?? subjectId;
  const { mutate, isPending } = useMutation({
    mutationFn: () => {
      const declaration: OutageDeclaration =
        kind === 'STORE' ? { kind, storeId: chosenSubject, cause: cause.trim() } : { kind, channelId: chosenSubject, cause: cause.trim() };
      return declareOutage(declaration);
    },
    onSuccess: ({ outage, joined }) => {
      setOpen(false);
      notify(joined ? 'omni.outage.joined' : 'omni.outage.declared', { type: joined ? 'info' : 'success' });
      redirect('show', 'outages', outage.id);
    },
    onError: (error: Error) => notify(error.message, { type: 'error' }),
  });
  if (!canDeclareAnyOutage(permissions)) return null;
  const options = kind === 'STORE' ? (stores ?? []) : (channels ?? []);
  const ready = chosenSubject !== '' && cause.trim().length > 0 && cause.trim().length <= maxCauseLength;
  const start = () => {
    setKind('STORE');
    setSubjectId('');
    setCause('');
    setOpen(true);
  };
  return (
    <>
      <Button size="small" startIcon={<ReportProblemIcon />} onClick={start} className="declare-outage">
        {translate('omni.outage.declare')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm">
        <DialogTitle>{translate('omni.outage.declare_title')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2}>
            <DialogContentText>{translate('omni.outage.declare_help')}</DialogContentText>
            {managerStore === null && (
              <RadioGroup
                row
                value={kind}
                onChange={(event) => {
                  setKind(event.target.value as 'STORE' | 'CHANNEL');
                  setSubjectId('');
                }}
              >
                <FormControlLabel value="STORE" control={<Radio />} label={translate('omni.outage.declare_store')} />
                <FormControlLabel value="CHANNEL" control={<Radio />} label={translate('omni.outage.declare_channel')} />
              </RadioGroup>
            )}
            <FormControl fullWidth>
              <InputLabel id="declare-outage-subject">
                {translate(kind === 'STORE' ? 'omni.outage.store' : 'omni.outage.channel')}
              </InputLabel>
              <Select
                labelId="declare-outage-subject"
                label={translate(kind === 'STORE' ? 'omni.outage.store' : 'omni.outage.channel')}
                value={chosenSubject}
                readOnly={managerStore !== null}
                onChange={(event) => setSubjectId(event.target.value)}
                name="subject"
              >
                {options.map((option) => (
                  <MenuItem key={option.id} value={option.id}>
                    {kind === 'STORE' ? `${option.code} ${option.name}` : option.name}
                  </MenuItem>
                ))}
              </Select>
            </FormControl>
            <TextField
              name="cause"
              label={translate('omni.outage.cause')}
              value={cause}
              onChange={(event) => setCause(event.target.value)}
              helperText={
                cause.length > maxCauseLength
                  ? translate('omni.outage.cause_too_long', { max: maxCauseLength })
                  : translate('omni.outage.cause_help')
              }
              error={cause.length > maxCauseLength}
              multiline
              minRows={2}
              fullWidth
            />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)} disabled={isPending} sx={{ textTransform: 'none' }} className="dialog-keep">
            {translate('omni.outage.declare_keep')}
          </Button>
          <Button
            color="warning"
            variant="contained"
            sx={{ textTransform: 'none' }}
            className="dialog-confirm"
            disabled={!ready || isPending}
            onClick={() => mutate()}
          >
            {translate('omni.outage.declare_confirm')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
