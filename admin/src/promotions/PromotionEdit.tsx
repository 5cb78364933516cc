import { Alert, CircularProgress } from '@mui/material';
import { useEffect, useState } from 'react';
import { Edit, useGetList, useNotify, useRecordContext, useRedirect, useTranslate } from 'react-admin';
import {
  formValuesOf,
  isEditable,
  promotionBodyOf,
  type PromotionFormValues,
  type PromotionRecord,
  scopeProblemsOf,
  type ScopeProblem,
} from './promotion-record';
import { PromotionForm } from './PromotionForm';
import { usePromotionActions } from './usePromotionActions';

/** The saved promotion with its SKUs (PUT replaces them, so the form must start from all of them). */
function EditPromotionForm({ problems, onProblems }: { problems: ScopeProblem[]; onProblems: (problems: ScopeProblem[]) => void }) {
  const record = useRecordContext<PromotionRecord>();
  const translate = useTranslate();
  const { readSkus } = usePromotionActions();
  const [skus, setSkus] = useState<{ skus: string[]; truncated: boolean } | null>(null);
  const { data: channels, isPending } = useGetList<{ id: string; code: string; status: string }>('channels', {
    pagination: { page: 1, perPage: 100 },
    sort: { field: 'code', order: 'ASC' },
  });
  const id = record?.id;
  useEffect(() => {
    if (id === undefined) return;
    void readSkus(id).then(setSkus);
  }, [id]);
  if (record === undefined || skus === null || isPending) return <CircularProgress size={24} />;
  if (!isEditable(record.status)) return <Alert severity="info">{translate('omni.promotion.not_editable')}</Alert>;
  if (skus.truncated) return <Alert severity="info">{translate('omni.promotion.edit_by_csv')}</Alert>;
  const codes = (channels ?? []).filter((channel) => channel.status !== 'DISABLED').map((channel) => channel.code);
  return <PromotionForm problems={problems} onProblems={onProblems} values={formValuesOf(record, skus.skus, codes)} />;
}

/** An edit before the start: the API bumps the version and asks for approval again (the editor may not approve). */
export function PromotionEdit() {
  const notify = useNotify();
  const redirect = useRedirect();
  const [problems, setProblems] = useState<ScopeProblem[]>([]);
  return (
    <Edit
      mutationMode="pessimistic"
      transform={(values: PromotionFormValues) => promotionBodyOf(values)}
      mutationOptions={{
        onSuccess: (saved: { id: string }) => {
          notify('omni.promotion.saved');
          redirect('show', 'promotions', saved.id);
        },
        onError: (error: unknown) => {
          setProblems(scopeProblemsOf((error as { body?: { errors?: Record<string, string> } }).body?.errors));
          notify((error as Error).message, { type: 'error' });
        },
      }}
    >
      <EditPromotionForm problems={problems} onProblems={setProblems} />
    </Edit>
  );
}
