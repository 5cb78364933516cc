import { Button, Stack } from '@mui/material';
import {
  DateField,
  EditButton,
  FunctionField,
  Labeled,
  Link,
  SelectField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useGetList,
  usePermissions,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { type Permissions } from '../auth/permissions';
import { usePeople } from '../shared/usePeople';
import { canWritePromotions } from './access';
import { CancelPromotionButton } from './CancelPromotionButton';
import { DiscountText } from './DiscountText';
import { isEditable, isSettled, promotionStatusChoices, type PromotionRecord } from './promotion-record';
import { RolloutProgress } from './RolloutProgress';
import { SkuCsvUpload } from './SkuCsvUpload';

function ShowActions() {
  const record = useRecordContext<PromotionRecord>();
  const { permissions } = usePermissions<Permissions>();
  const writer = record !== undefined && canWritePromotions(permissions);
  return (
    <TopToolbar sx={{ flexWrap: 'wrap' }}>
      {writer && isEditable(record.status) && <EditButton />}
      {writer && <CancelPromotionButton />}
    </TopToolbar>
  );
}

/** The requester by name (the names list every role may read; the users resource is admins' only). */
function RequesterName() {
  const record = useRecordContext<PromotionRecord>();
  const people = usePeople();
  const person = people?.find((candidate) => candidate.id === record?.requestedByUserId);
  return <span>{person?.name ?? '—'}</span>;
}

/** While it waits for a second ops lead: the link to its request in the Approvals inbox. */
function ApprovalRequestLink() {
  const record = useRecordContext<PromotionRecord>();
  const translate = useTranslate();
  const { data } = useGetList<{ id: string; subjectId: string; status: string }>(
    'approvals',
    { filter: { mine: false, status: 'PENDING' }, pagination: { page: 1, perPage: 100 }, sort: { field: 'slaDueAt', order: 'ASC' } },
    { enabled: record?.status === 'PENDING_APPROVAL' },
  );
  const request = data?.find((approval) => approval.subjectId === record?.id);
  if (request === undefined) return null;
  return (
    <Button component={Link} to={`/approvals/${request.id}/show`} variant="text">
      {translate('omni.promotion.open_approval')}
    </Button>
  );
}

/** A promotion: what it is (read again every 3 s until it is settled: the run moves it from draft to pending approval and on), its window (as typed, and the instants), its approval, and the rollout per channel. */
export function PromotionShow() {
  const { permissions } = usePermissions<Permissions>();
  return (
    <Show
      actions={<ShowActions />}
      queryOptions={{
        refetchInterval: (query) => (isSettled((query.state.data as PromotionRecord | undefined)?.status ?? 'DRAFT') ? false : 3000),
      }}
    >
      <SimpleShowLayout>
        <TextField source="name" />
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={3} sx={{ flexWrap: 'wrap' }}>
          <Labeled source="status">
            <SelectField source="status" choices={promotionStatusChoices} />
          </Labeled>
          <Labeled source="discountType">
            <DiscountText />
          </Labeled>
          <Labeled source="skuCount">
            <TextField source="skuCount" />
          </Labeled>
          <Labeled source="version">
            <TextField source="version" />
          </Labeled>
        </Stack>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={3} sx={{ flexWrap: 'wrap' }}>
          <Labeled source="startsLocal">
            <FunctionField<PromotionRecord> render={(record) => `${record.startsLocal.replace('T', ' ')} ${record.timeZone}`} />
          </Labeled>
          <Labeled source="endsLocal">
            <FunctionField<PromotionRecord> render={(record) => `${record.endsLocal.replace('T', ' ')} ${record.timeZone}`} />
          </Labeled>
          <Labeled source="startsAt">
            <DateField source="startsAt" showTime />
          </Labeled>
        </Stack>
        <FunctionField<PromotionRecord> source="channelCodes" render={(record) => record.channelCodes.join(', ')} />
        <FunctionField<PromotionRecord>
          source="categories"
          render={(record) => (record.categories.length === 0 ? '—' : record.categories.join(', '))}
        />
        <FunctionField<PromotionRecord>
          source="brands"
          render={(record) => ((record.brands ?? []).length === 0 ? '—' : record.brands.join(', '))}
        />
        <Labeled source="requestedByUserId">
          <RequesterName />
        </Labeled>
        <TextField source="rejectionReason" emptyText="—" />
        <ApprovalRequestLink />
        {canWritePromotions(permissions) && <SkuCsvUpload />}
        <RolloutProgress />
      </SimpleShowLayout>
    </Show>
  );
}
