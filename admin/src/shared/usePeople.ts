import { useQuery } from '@tanstack/react-query';
import { useDataProvider, useTranslate } from 'react-admin';
import { type OmnichannelDataProvider } from '../data/data-provider';

export interface Person {
  id: string;
  email: string;
  name: string;
  storeId: string | null;
  active: boolean;
}

/** Names change rarely; one read per session and screen change is plenty. */
const peopleStaleMs = 5 * 60_000;

/** Workflows record a person by email (or user id) and themselves as `workflow:<type>`. */
const systemActor = /^(workflow|system)(:|$)/;

/** The people the signed-in user may see named (GET /api/users/names), cached for the session. */
export function usePeople(): Person[] | undefined {
  const dataProvider = useDataProvider<OmnichannelDataProvider>();
  const { data } = useQuery({
    queryKey: ['users', 'names'],
    queryFn: () => dataProvider.readJson<Person[]>('/users/names'),
    staleTime: peopleStaleMs,
  });
  return data;
}

/**
 * Turns an actor as recorded (an email, a user id, `workflow:pickup`) into what a colleague would say:
 * "Daan Bakker", "the system". Unknown people keep their recorded label.
 */
export function useActorName(): (recorded: string | null | undefined) => string {
  const translate = useTranslate();
  const data = usePeople();
  return (recorded) => {
    if (recorded === null || recorded === undefined || recorded === '') return '—';
    if (systemActor.test(recorded)) return translate('omni.actor.system');
    const person = data?.find((candidate) => candidate.email === recorded || candidate.id === recorded);
    return person?.name ?? recorded;
  };
}
