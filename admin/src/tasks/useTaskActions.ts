import { useDataProvider } from 'react-admin';
import { type OmnichannelDataProvider } from '../data/data-provider';
import { type TaskRecord } from './task-record';

export interface PickedLine {
  lineId: string;
  pickedQuantity: number;
}

/** The task inbox's record actions (POST /api/tasks/:id/<verb>), named, over the dataProvider. */
export function useTaskActions() {
  const dataProvider = useDataProvider<OmnichannelDataProvider>();
  const act = (id: string, action: string, body?: unknown) => dataProvider.recordAction<TaskRecord>('tasks', { id, action, body });
  return {
    claimTask: (id: string) => act(id, 'claim'),
    completePick: (id: string, lines: PickedLine[]) => act(id, 'complete', { lines }),
    completeHandover: (id: string, code: string) => act(id, 'complete', { code }),
    unlockTask: (id: string) => act(id, 'unlock'),
    unclaimTask: (id: string) => act(id, 'unclaim'),
    reassignTask: (id: string, userId: string) => act(id, 'reassign', { userId }),
  };
}
