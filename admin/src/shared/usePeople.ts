import { useQuery } from '@tanstack/react-query';
import { useDataProvider, useTranslate } from 'react-admin';
import { type OmnichannelDataProvider } from '../data/data-provider';

interface Person {
  id: string;
  email: string;
  name: string;
}

/** Names change rarely; one read per session and screen change is plenty. */
const peopleStaleMs = 5 * 60_000;

/** Workflows record a person by email (or user id) and themselves as `workflow:<type>`. */
const systemActor = /^(workflow|system)(:|$)/;

/**
 * Turns an actor as recorded (an email, a user id, `workflow:pickup`) into what a colleague would say:
 * "Daan Bakker", "the system". Unknown people keep their recorded label.
 */
export function useActorName(): (recorded: string | null | undefined) => string {
  const dataProvider = useDataProvider<OmnichannelDataProvider>();
  const translate = useTranslate();
  const { data } = useQuery({
    queryKey: ['users', 'names'],
    queryFn: () => dataProvider.readJson<Person[]>('/users/names'),
    staleTime: peopleStaleMs,
  });
  return (recorded) => {
    if (recorded === null || recorded === undefined || recorded === '') return '—';
    if (systemActor.test(recorded)) return translate('omni.actor.system');
    const person = data?.find((candidate) => candidate.email === recorded || candidate.id === recorded);
    return person?.name ?? recorded;
  };
}
