import {
  Alert,
  Box,
  Button,
  FormControlLabel,
  Radio,
  RadioGroup,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { isActionable, type TaskRecord } from '../tasks/task-record';
import { useLocaleFormat } from '../shared/useLocaleFormat';
import {
  decisionBodyOf,
  type DecisionPayload,
  decisionSummaryOf,
  type PromotionDecision,
  promotionDecisions,
  reasonRequired,
} from './promotion-tasks';
import { usePromotionTaskActions } from './usePromotionTaskActions';

/**
 * The ops lead's decision after a rollout that did not fully land: the figures per channel and its
 * failing SKUs, then retry the failed, roll everything back to the snapshot, or accept partial (both of
 * the latter with a reason, which the run and the audit log keep).
 */
export function PromotionDecisionForm() {
  const task = useRecordContext<TaskRecord>();
  const translate = useTranslate();
  const format = useLocaleFormat();
  const notify = useNotify();
  const refresh = useRefresh();
  const { decideRollout } = usePromotionTaskActions();
  const [decision, setDecision] = useState<PromotionDecision | null>(null);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: (body: { decision: PromotionDecision; reason?: string }) => decideRollout(task?.id ?? '', body),
    onSuccess: () => {
      notify('omni.promotion.decision.done');
      refresh();
    },
    onError: (error: Error) => notify(error.message, { type: 'error' }),
  });
  if (task === undefined) return null;
  const payload = task.payload as unknown as DecisionPayload;
  const summary = decisionSummaryOf(payload);
  const submit = () => {
    const result = decisionBodyOf(decision, reason);
    if ('error' in result) return setProblem(result.error);
    setProblem(null);
    mutation.mutate(result.body);
  };
  return (
    <Box sx={{ width: '100%' }} data-testid="promotion-decision-form">
      <Alert severity="warning" sx={{ mb: 1 }}>
        {translate('omni.promotion.decision.summary', {
          skus: format.count(summary.notVerified),
          channels: summary.failingChannels,
        })}
        {summary.unavailableChannels.length > 0 &&
          ` ${translate('omni.promotion.decision.unavailable', { channels: summary.unavailableChannels.join(', ') })}`}
      </Alert>
      <Button component={Link} to={`/promotions/${payload.promotionId}/show`}>
        {translate('omni.promotion.decision.open_promotion')}
      </Button>
      <TableContainer>
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{translate('omni.promotion.decision.channel')}</TableCell>
              <TableCell align="right">{translate('omni.promotion.decision.verified')}</TableCell>
              <TableCell align="right">{translate('omni.promotion.decision.failed')}</TableCell>
              <TableCell>{translate('omni.promotion.decision.failing_skus')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {payload.channels.map((channel) => (
              <TableRow key={channel.channel}>
                <TableCell>
                  {channel.channel}
                  {channel.unavailable && (
                    <Typography variant="caption" color="error" component="div">
                      {translate('omni.promotion.decision.channel_down')}
                    </Typography>
                  )}
                </TableCell>
                <TableCell align="right">
                  {format.count(channel.verified)} / {format.count(channel.total)}
                </TableCell>
                <TableCell align="right">{format.count(channel.failed)}</TableCell>
                <TableCell sx={{ wordBreak: 'break-word' }}>{channel.failingSkus.join(', ') || '—'}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      {isActionable(task) && (
        <Box sx={{ mt: 2 }}>
          <RadioGroup value={decision ?? ''} onChange={(event) => setDecision(event.target.value as PromotionDecision)}>
            {promotionDecisions.map((option) => (
              <FormControlLabel
                key={option}
                value={option}
                control={<Radio />}
                label={
                  <Box>
                    <Typography variant="body1">{translate(`omni.promotion.decision.${option}`)}</Typography>
                    <Typography variant="caption" color="text.secondary">
                      {translate(`omni.promotion.decision.${option}_help`)}
                    </Typography>
                  </Box>
                }
              />
            ))}
          </RadioGroup>
          <TextField
            label={translate('omni.promotion.decision.reason')}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            required={decision !== null && reasonRequired(decision)}
            multiline
            minRows={2}
            fullWidth
            sx={{ my: 1 }}
          />
          {problem !== null && <Alert severity="error">{translate(problem)}</Alert>}
          <Button variant="contained" onClick={submit} disabled={mutation.isPending} data-testid="decide-rollout">
            {translate('omni.promotion.decision.submit')}
          </Button>
        </Box>
      )}
    </Box>
  );
}
