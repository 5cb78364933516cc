import { useGetList, useGetOne, useTranslate } from 'react-admin';
import { type OutageRecord } from './outage-record';

interface StoreRow {
  id: string;
  code: string;
  name: string;
  currency: string;
  timeZone: string;
}

interface ChannelRow {
  id: string;
  code: string;
  name: string;
}

/** Stores and channels are renamed rarely; one read per session is plenty for labels. */
const namesStaleMs = 10 * 60_000;

/**
 * What is down, in words ("MegaMart", "AMS-01 Amsterdam"), with the store for money and times: the banner,
 * the list and the outage page say the same.
 */
export function useOutageSubject(outage: Pick<OutageRecord, 'kind' | 'storeId' | 'channelId'> | undefined) {
  const translate = useTranslate();
  const storeId = outage?.kind === 'STORE' ? outage.storeId : null;
  const channelId = outage?.kind === 'CHANNEL' ? outage.channelId : null;
  const { data: store } = useGetOne<StoreRow>('stores', { id: storeId ?? '' }, { enabled: storeId !== null, staleTime: namesStaleMs });
  const { data: channel } = useGetOne<ChannelRow>(
    'channels',
    { id: channelId ?? '' },
    { enabled: channelId !== null, staleTime: namesStaleMs },
  );
  const name =
    outage === undefined
      ? ''
      : outage.kind === 'STORE'
        ? store === undefined
          ? translate('omni.outage.kind.STORE')
          : `${store.code} ${store.name}`
        : (channel?.name ?? translate('omni.outage.kind.CHANNEL'));
  return { name, store, channel };
}

/**
 * The currency an outage's values are in: its store's. A channel outage's values are the stores' prices on that
 * channel; when every store sells in one currency that is it, otherwise the values are not summed into one
 * amount and the screen shows counts only (undefined).
 */
export function useOutageCurrency(outage: Pick<OutageRecord, 'kind' | 'storeId' | 'channelId'> | undefined): string | undefined {
  const { store } = useOutageSubject(outage);
  const { data: stores } = useGetList<StoreRow>(
    'stores',
    { pagination: { page: 1, perPage: 200 }, sort: { field: 'code', order: 'ASC' } },
    { enabled: outage?.kind === 'CHANNEL', staleTime: namesStaleMs },
  );
  if (outage?.kind === 'STORE') return store?.currency;
  const currencies = new Set((stores ?? []).map((candidate) => candidate.currency));
  return currencies.size === 1 ? [...currencies][0] : undefined;
}
