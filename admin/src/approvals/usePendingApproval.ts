import { useGetList } from 'react-admin';

/** How often to look again while the subject waits and its request is not there yet. */
const LOOK_AGAIN_MS = 2000;

/**
 * The pending approval request of a subject that waits for one, to link to it. The run marks the subject
 * waiting and then opens the request: between the two (longer on a busy machine) the first answer is empty,
 * so it asks again until the request is there.
 */
export function usePendingApproval(subjectId: string | undefined, waiting: boolean): { id: string } | undefined {
  const { data } = useGetList<{ id: string }>(
    'approvals',
    {
      filter: { subjectId, status: 'PENDING' },
      pagination: { page: 1, perPage: 1 },
      sort: { field: 'slaDueAt', order: 'ASC' },
    },
    { enabled: waiting && subjectId !== undefined, refetchInterval: (query) => (query.state.data?.data.length ? false : LOOK_AGAIN_MS) },
  );
  return data?.[0];
}
