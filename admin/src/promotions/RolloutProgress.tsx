import { Alert, Box, Button, Card, CardContent, Chip, LinearProgress, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Link, useCreatePath, useRecordContext, useTranslate } from 'react-admin';
import { useLocaleFormat } from '../shared/useLocaleFormat';
import { barOf, type ChannelProgress, type RolloutPass } from './promotion-progress';
import { isRollingOut, type PromotionRecord } from './promotion-record';
import { usePromotionActions } from './usePromotionActions';

/** How often an open rollout screen asks again while the rollout is under way. */
export const PROGRESS_REFRESH_MS = 2000;

function PassBar({ channel, pass, phase }: { channel: ChannelProgress; pass: RolloutPass; phase: 'apply' | 'restore' }) {
  const translate = useTranslate();
  const format = useLocaleFormat();
  const bar = barOf(pass, channel.total);
  const label = translate(`omni.promotion.progress.${phase}`);
  return (
    <Box sx={{ mb: 1 }}>
      <Typography variant="caption" color="text.secondary">
        {label}
      </Typography>
      <LinearProgress
        variant="buffer"
        value={bar.verifiedPercent}
        valueBuffer={bar.pushedPercent}
        color={pass.failed > 0 ? 'warning' : bar.complete ? 'success' : 'primary'}
        sx={{ height: 10, borderRadius: 1 }}
        aria-label={`${channel.channelCode} ${label}`}
        data-testid={`bar-${channel.channelCode}-${phase}`}
        data-verified={pass.verified}
        data-total={channel.total}
      />
      <Typography variant="body2" sx={{ mt: 0.5 }}>
        {translate('omni.promotion.progress.figures', {
          verified: format.count(pass.verified),
          pushed: format.count(pass.pushed),
          failed: format.count(pass.failed),
          total: format.count(channel.total),
          percent: format.share(channel.total === 0 ? null : pass.verified / channel.total),
        })}
      </Typography>
      <Typography variant="caption" color="text.secondary">
        {pass.ratePerSecond === null
          ? translate('omni.promotion.progress.rate_unknown')
          : translate('omni.promotion.progress.rate', { rate: format.count(Math.round(pass.ratePerSecond * 60)) })}
        {' · '}
        {pass.estimatedFinishAt === null || pass.startedAt === null
          ? bar.done
            ? translate('omni.promotion.progress.finished')
            : ''
          : translate('omni.promotion.progress.eta', {
              time: format.dateTime(pass.estimatedFinishAt),
              bound:
                pass.limitBoundSeconds < 60 ? translate('omni.promotion.progress.under_a_minute') : format.duration(pass.limitBoundSeconds),
            })}
      </Typography>
    </Box>
  );
}

/**
 * The rollout screen (issue #11): a bar per channel (verified solid, pushed as the buffer, failed in the
 * figures), the pace, and the finish estimated from the pace and the channel's rate limit and batch size;
 * read again every 2 s while the promotion is under way. The decision and shelf-label tasks of the run
 * are linked: their forms are on the task page.
 */
export function RolloutProgress() {
  const record = useRecordContext<PromotionRecord>();
  const translate = useTranslate();
  const createPath = useCreatePath();
  const { readProgress } = usePromotionActions();
  const live = record !== undefined && isRollingOut(record.status);
  const { data, error } = useQuery({
    // The status in the key: the page's last read after the run settles it (ended, restored) is the final one.
    queryKey: ['promotion-progress', record?.id, record?.status],
    queryFn: () => readProgress(record?.id ?? ''),
    enabled: record !== undefined,
    refetchInterval: live ? PROGRESS_REFRESH_MS : false,
  });
  if (record === undefined) return null;
  if (error) return <Alert severity="error">{error.message}</Alert>;
  if (data === undefined) return <LinearProgress />;
  const restoring = data.phase === 'RESTORE';
  return (
    <Box data-testid="rollout-progress" sx={{ width: '100%' }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1, flexWrap: 'wrap' }}>
        <Typography variant="h6">{translate('omni.promotion.progress.title')}</Typography>
        <Chip size="small" label={translate(`omni.promotion.progress.phase.${data.phase}`)} />
        {live && <Chip size="small" color="info" label={translate('omni.promotion.progress.live')} />}
      </Stack>
      {data.openTasks.map((task) => (
        <Alert
          key={task.id}
          severity="warning"
          sx={{ mb: 1 }}
          action={
            <Button component={Link} to={createPath({ resource: 'tasks', id: task.id, type: 'show' })}>
              {translate('omni.promotion.progress.open_task')}
            </Button>
          }
        >
          {translate(`omni.task_type.${task.type}`, { _: task.type })}: {task.title}
        </Alert>
      ))}
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: 'minmax(0, 1fr)', md: 'repeat(2, minmax(0, 1fr))' }, gap: 1 }}>
        {data.channels.map((channel) => (
          <Card key={channel.channelId} variant="outlined" data-testid={`channel-progress-${channel.channelCode}`}>
            <CardContent>
              <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
                <Typography variant="subtitle1">{channel.channelName}</Typography>
                {channel.channelStatus !== 'ACTIVE' && (
                  <Chip
                    size="small"
                    color="error"
                    label={translate(`omni.channel_status.${channel.channelStatus}`, { _: channel.channelStatus })}
                  />
                )}
              </Stack>
              <Typography variant="caption" color="text.secondary" component="div" sx={{ mb: 1 }}>
                {translate('omni.promotion.progress.limits', {
                  rate: channel.requestsPerSecond,
                  batch: channel.maxBatchSize,
                })}
                {channel.asyncJobs ? ` · ${translate('omni.promotion.progress.async')}` : ''}
              </Typography>
              <PassBar channel={channel} pass={channel.apply} phase="apply" />
              {restoring && <PassBar channel={channel} pass={channel.restore} phase="restore" />}
            </CardContent>
          </Card>
        ))}
      </Box>
    </Box>
  );
}
