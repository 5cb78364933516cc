import { useDataProvider } from 'react-admin';
import { type OmnichannelDataProvider } from '../data/data-provider';
import { type TaskRecord } from '../tasks/task-record';

export interface InspectedLine {
  returnLineId: string;
  grade: string;
  disposition: string;
  note?: string;
}

/** Completing the return workflow's tasks (POST /api/tasks/:id/complete, outcomes in return-task-outcomes.ts). */
export function useReturnTaskActions() {
  const dataProvider = useDataProvider<OmnichannelDataProvider>();
  const complete = (id: string, body: unknown) => dataProvider.recordAction<TaskRecord>('tasks', { id, action: 'complete', body });
  return {
    completeInspection: (id: string, lines: InspectedLine[]) => complete(id, { lines }),
    completeManualRefund: (id: string, reference: string) => complete(id, { reference }),
    completeHandback: (id: string, note: string) => complete(id, note === '' ? {} : { note }),
  };
}
