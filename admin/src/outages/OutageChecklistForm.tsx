import { Alert, Button, Checkbox, FormControlLabel, Stack, Typography } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNotify, usePermissions, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { type Permissions } from '../auth/permissions';
import { type TaskRecord } from '../tasks/task-record';
import { type OutageChecklistPayload } from './outage-task-record';
import { useOutageTaskActions } from './useOutageTaskActions';

/**
 * The manual procedure while the store is cut off (paper or offline-till journal, no pickups, what to tell
 * customers). Everyone at the store reads it; the store's manager ticks each step and acknowledges it, so
 * head office knows the store is selling on by hand.
 */
export function OutageChecklistForm() {
  const task = useRecordContext<TaskRecord>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const { permissions } = usePermissions<Permissions>();
  const { acknowledgeChecklist } = useOutageTaskActions();
  const [ticked, setTicked] = useState<ReadonlySet<number>>(new Set());
  const { mutate, isPending } = useMutation({
    mutationFn: () => acknowledgeChecklist(task?.id ?? ''),
    onSuccess: () => {
      notify('omni.outage_task.acknowledged', { type: 'success' });
      refresh();
    },
    onError: (error: Error) => notify(error.message, { type: 'error' }),
  });
  if (task === undefined) return null;
  const payload = task.payload as unknown as OutageChecklistPayload;
  const steps = payload.steps ?? [];
  const isManager =
    permissions?.role === 'ADMIN' ||
    (permissions?.role === 'STORE_STAFF' && permissions.isStoreManager && permissions.storeId === task.storeId);
  const allTicked = steps.every((_step, index) => ticked.has(index));
  const toggle = (index: number) =>
    setTicked((current) => {
      const next = new Set(current);
      if (next.has(index)) next.delete(index);
      else next.add(index);
      return next;
    });
  return (
    <Stack spacing={1} className="outage-checklist-form">
      <Typography variant="subtitle1">{translate('omni.outage_task.checklist_title')}</Typography>
      <Typography variant="body2">{translate('omni.outage_task.checklist_help')}</Typography>
      <Stack
        component="ol"
        spacing={0.5}
        sx={{ m: 0, pl: isManager ? 0 : 3, listStyle: isManager ? 'none' : undefined }}
        className="checklist-steps"
      >
        {steps.map((step, index) => {
          const text = translate(step, { _: step });
          return (
            <li key={step} data-step={step}>
              {isManager ? (
                <FormControlLabel
                  sx={{ alignItems: 'flex-start', m: 0, py: 0.5, minHeight: 48 }}
                  control={<Checkbox checked={ticked.has(index)} onChange={() => toggle(index)} sx={{ mt: -0.5 }} />}
                  label={<Typography variant="body1">{`${index + 1}. ${text}`}</Typography>}
                />
              ) : (
                <Typography variant="body1">{text}</Typography>
              )}
            </li>
          );
        })}
      </Stack>
      {payload.outageId !== undefined && (
        <div>
          <Link to={`/outages/${encodeURIComponent(payload.outageId)}/show`} className="checklist-outage-link">
            {translate('omni.outage_task.open_outage')}
          </Link>
        </div>
      )}
      {isManager ? (
        <div>
          <Button
            variant="contained"
            size="large"
            disabled={!allTicked || isPending}
            onClick={() => mutate()}
            className="acknowledge-checklist"
          >
            {translate('omni.outage_task.acknowledge')}
          </Button>
          {!allTicked && (
            <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }} className="checklist-why-disabled">
              {translate('omni.outage_task.tick_every_step')}
            </Typography>
          )}
        </div>
      ) : (
        <Alert severity="info" className="checklist-manager-only">
          {translate('omni.outage_task.manager_acknowledges')}
        </Alert>
      )}
    </Stack>
  );
}
