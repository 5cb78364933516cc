import { Alert } from '@mui/material';
import { useState } from 'react';
import { Create, useNotify, usePermissions, useRedirect, useTranslate } from 'react-admin';
import { type Permissions } from '../auth/permissions';
import { canWritePromotions } from './access';
import { promotionBodyOf, type PromotionFormValues, scopeProblemsOf, type ScopeProblem } from './promotion-record';
import { PromotionForm } from './PromotionForm';

/** A browser's own zone is the natural first guess; the form lets the lead pick the zone the promotion is typed in. */
const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

export function PromotionCreate() {
  const { permissions } = usePermissions<Permissions>();
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const [problems, setProblems] = useState<ScopeProblem[]>([]);
  if (permissions !== undefined && !canWritePromotions(permissions)) {
    return <Alert severity="warning">{translate('omni.promotion.only_writers')}</Alert>;
  }
  return (
    <Create
      transform={(values: PromotionFormValues) => promotionBodyOf(values)}
      mutationOptions={{
        onSuccess: (created: { id: string }) => {
          notify('omni.promotion.created');
          redirect('show', 'promotions', created.id);
        },
        onError: (error: unknown) => {
          setProblems(scopeProblemsOf((error as { body?: { errors?: Record<string, string> } }).body?.errors));
          notify((error as Error).message, { type: 'error' });
        },
      }}
    >
      <PromotionForm problems={problems} onProblems={setProblems} values={promotionDefaults} />
    </Create>
  );
}

const promotionDefaults: Partial<PromotionFormValues> = {
  discountType: 'PERCENT',
  currency: 'EUR',
  timeZone: browserZone,
  skus: [],
  categories: [],
  brands: [],
  allChannels: true,
  channelCodes: [],
};
