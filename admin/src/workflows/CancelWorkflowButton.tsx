import CancelIcon from '@mui/icons-material/Cancel';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, useCanAccess, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { ReasonConfirmDialog } from './ReasonConfirmDialog';
import { useWorkflowActions } from './useWorkflowActions';
import { isRunning, type WorkflowRecord } from './workflow-record';

/** Admins cancel a run that is still going, after confirming with a reason. */
export function CancelWorkflowButton() {
  const run = useRecordContext<WorkflowRecord>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const { canAccess } = useCanAccess({ resource: 'workflows', action: 'cancel' });
  const [open, setOpen] = useState(false);
  const { cancelWorkflow } = useWorkflowActions();
  const { mutate, isPending } = useMutation({
    mutationFn: (reason: string) => cancelWorkflow(run?.id ?? '', reason),
    onSuccess: () => {
      setOpen(false);
      notify('omni.workflow.cancelled', { type: 'info' });
      refresh();
    },
    onError: (error: Error) => notify(error.message, { type: 'error' }),
  });
  if (canAccess !== true || run === undefined || !isRunning(run)) return null;
  return (
    <>
      <Button label="omni.workflow.cancel" color="error" onClick={() => setOpen(true)}>
        <CancelIcon />
      </Button>
      <ReasonConfirmDialog
        open={open}
        title={translate('omni.workflow.cancel_title', { id: run.id })}
        content={translate('omni.workflow.cancel_content')}
        reasonLabel={translate('omni.workflow.cancel_reason')}
        confirmLabel={translate('omni.workflow.cancel')}
        keepLabel={translate('omni.workflow.keep_running')}
        isPending={isPending}
        onConfirm={(reason) => mutate(reason)}
        onClose={() => setOpen(false)}
      />
    </>
  );
}
