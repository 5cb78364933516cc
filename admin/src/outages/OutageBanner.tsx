import { Alert, AlertTitle, Stack, Typography } from '@mui/material';
import { Link, useGetList, usePermissions, useTranslate } from 'react-admin';
import { type Permissions } from '../auth/permissions';
import { useDateTimeFormat } from '../shared/useDateTimeFormat';
import { measuresInForce, outageRefreshMs, type OutageRecord } from './outage-record';
import { useMeasureLabel } from './useMeasureLabel';
import { useOutageSubject } from './useOutageSubject';

/** Open outages are few (one per channel or store at most); more than this and the banner says "and N more". */
const bannerRows = 5;

function OpenOutageLine({ outage }: { outage: OutageRecord }) {
  const translate = useTranslate();
  const { permissions } = usePermissions<Permissions>();
  const { name, store } = useOutageSubject(outage);
  const measureLabel = useMeasureLabel();
  const time = useDateTimeFormat(store?.timeZone);
  const measures = measuresInForce(outage);
  const ownStore = permissions?.role === 'STORE_STAFF' && outage.storeId !== null && permissions.storeId === outage.storeId;
  return (
    <Alert
      severity="warning"
      variant="filled"
      className="outage-banner-item"
      data-outage-id={outage.id}
      data-kind={outage.kind}
      sx={{ overflowWrap: 'anywhere', '& .MuiAlert-message': { minWidth: 0 } }}
    >
      <AlertTitle sx={{ mb: 0.5 }}>
        {translate(outage.kind === 'STORE' ? 'omni.outage.banner_store' : 'omni.outage.banner_channel', {
          name,
          since: time(outage.detectedAt),
        })}{' '}
        <Link to={`/outages/${encodeURIComponent(outage.id)}/show`} sx={{ color: 'inherit', textDecoration: 'underline' }}>
          {translate('omni.outage.banner_open')}
        </Link>
      </AlertTitle>
      <Typography variant="body2" className="outage-banner-measures">
        {measures.length === 0
          ? translate(`omni.outage.banner_status.${outage.status}`, { _: translate('omni.outage.banner_no_measures') })
          : translate('omni.outage.banner_measures', { measures: measures.map((measure) => measureLabel(measure.measure)).join(' · ') })}
      </Typography>
      {ownStore && outage.status === 'ACTIVE' && (
        <Typography variant="body2" className="outage-banner-own-store">
          {translate('omni.outage.banner_own_store')}
        </Typography>
      )}
    </Alert>
  );
}

/**
 * While any outage is open, every screen says what is down and what the system does about it (issue 12:
 * "every measure is ... visible on a banner"). Polled, so an outage declared elsewhere appears without a
 * reload and disappears once its run has resolved it.
 */
export function OutageBanner() {
  const translate = useTranslate();
  const { data, total } = useGetList<OutageRecord>(
    'outages',
    { pagination: { page: 1, perPage: bannerRows }, sort: { field: 'detectedAt', order: 'DESC' }, filter: { open: true } },
    { refetchInterval: outageRefreshMs },
  );
  if (data === undefined || data.length === 0) return null;
  const more = (total ?? data.length) - data.length;
  return (
    <Stack spacing={0.5} className="outage-banner" role="status" sx={{ mb: 1, mt: 1 }}>
      {data.map((outage) => (
        <OpenOutageLine key={outage.id} outage={outage} />
      ))}
      {more > 0 && (
        <Link to={{ pathname: '/outages', search: `filter=${encodeURIComponent(JSON.stringify({ open: true }))}` }}>
          {translate('omni.outage.banner_more', { smart_count: more })}
        </Link>
      )}
    </Stack>
  );
}
