import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Button, Chip, Divider, Stack, Typography } from '@mui/material';
import {
  Labeled,
  Link,
  SelectField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  usePermissions,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { type Permissions } from '../auth/permissions';
import { useActorName } from '../shared/usePeople';
import { useRecordLoadError } from '../shared/useRecordLoadError';
import { EndOutageButton } from './EndOutageButton';
import { OutageDateField } from './OutageDateField';
import { OutageMeasuresTable } from './OutageMeasuresTable';
import { OutageConflictsState } from './OutageConflictsState';
import { OutageDecisions } from './OutageDecisions';
import { OutageLateOrders } from './OutageLateOrders';
import { OutageReport } from './OutageReport';
import { OutageReviewState } from './OutageReviewState';
import { OutageSubjectField } from './OutageSubjectField';
import { OutageTimeline } from './OutageTimeline';
import { RequestStockCountButton } from './RequestStockCountButton';
import {
  canImportOfflineSales,
  isOpenOutage,
  outageKindChoices,
  outageRefreshMs,
  outageSourceChoices,
  outageStatusChoices,
  type OutageRecord,
} from './outage-record';
import { offlineSalesImportPath } from './offline-sales-import-path';

/** Keeps reading the outage while it is open: its measures, status and report are written by its run. */
const pollWhileOpen = (query: { state: { data?: OutageRecord } }) => (isOpenOutage(query.state.data) ? outageRefreshMs : false);

function ImportOfflineSalesLink() {
  const outage = useRecordContext<OutageRecord>();
  const translate = useTranslate();
  const { permissions } = usePermissions<Permissions>();
  if (outage?.kind !== 'STORE' || !canImportOfflineSales(permissions, outage.storeId)) return null;
  return (
    <Button
      component={Link}
      to={offlineSalesImportPath(outage.storeId)}
      size="small"
      startIcon={<UploadFileIcon />}
      className="import-offline-sales"
      sx={{ textTransform: 'none' }}
    >
      {translate('omni.offline_sales.import')}
    </Button>
  );
}

function OutageShowActions() {
  return (
    <TopToolbar sx={{ flexWrap: 'wrap', gap: 1 }}>
      <ImportOfflineSalesLink />
      <RequestStockCountButton />
      <EndOutageButton />
    </TopToolbar>
  );
}

function DeclaredBy() {
  const outage = useRecordContext<OutageRecord>();
  const translate = useTranslate();
  const actorName = useActorName();
  if (outage === undefined) return null;
  return (
    <Typography variant="body2" className="outage-declared-by">
      {outage.source === 'DECLARED' && outage.declaredByUserId !== null
        ? translate('omni.outage.declared_by', { name: actorName(outage.declaredByUserId) })
        : translate('omni.outage.detected_by_system')}
      {outage.joinedCount > 0 && ` · ${translate('omni.outage.joined_count', { smart_count: outage.joinedCount })}`}
    </Typography>
  );
}

function OutageHeading() {
  const outage = useRecordContext<OutageRecord>();
  const translate = useTranslate();
  if (outage === undefined) return null;
  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
      <Typography variant="h6" component="h2" sx={{ overflowWrap: 'anywhere' }}>
        <OutageSubjectField />
      </Typography>
      <Chip
        className="outage-status"
        data-status={outage.status}
        color={outage.status === 'RESOLVED' ? 'success' : 'warning'}
        label={translate(`omni.outage.status.${outage.status}`)}
      />
    </Stack>
  );
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  const translate = useTranslate();
  return (
    <Stack spacing={1} sx={{ minWidth: 0 }}>
      <Divider />
      <Typography variant="subtitle1">{translate(title)}</Typography>
      {children}
    </Stack>
  );
}

/** One outage: what is down, since when, the measures in force, the live timeline and, once closed, the report. */
export function OutageShow() {
  const onLoadError = useRecordLoadError();
  return (
    <Show actions={<OutageShowActions />} queryOptions={{ onError: onLoadError, refetchInterval: pollWhileOpen }}>
      <SimpleShowLayout sx={{ '& .RaSimpleShowLayout-stack': { minWidth: 0 } }}>
        <OutageHeading />
        <Stack direction="row" spacing={3} useFlexGap sx={{ flexWrap: 'wrap' }}>
          <Labeled source="kind">
            <SelectField source="kind" choices={outageKindChoices} />
          </Labeled>
          <Labeled source="source">
            <SelectField source="source" choices={outageSourceChoices} />
          </Labeled>
          <Labeled source="detectedAt">
            <OutageDateField source="detectedAt" />
          </Labeled>
          <Labeled source="resolvedAt">
            <OutageDateField source="resolvedAt" />
          </Labeled>
          <Labeled source="status">
            <SelectField source="status" choices={outageStatusChoices} />
          </Labeled>
        </Stack>
        <Labeled source="cause">
          <TextField source="cause" sx={{ overflowWrap: 'anywhere' }} />
        </Labeled>
        <DeclaredBy />
        <Section title="omni.outage.measures_title">
          <OutageMeasuresTable />
        </Section>
        <Section title="omni.outage.report_title">
          <OutageReviewState />
          <OutageConflictsState />
          <OutageReport />
          <OutageDecisions />
        </Section>
        <OutageLateOrders />
        <Section title="omni.outage.timeline_title">
          <OutageTimeline />
        </Section>
      </SimpleShowLayout>
    </Show>
  );
}
