import { Button, Stack, TextField, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useGetOne, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { type TaskRecord } from '../tasks/task-record';
import { dispositions, itemGrades, type ReturnRecord } from './return-record';
import { inspectionPayloadOf } from './return-task-payloads';
import { useReturnTaskActions } from './useReturnTaskActions';

interface Inspection {
  grade: string;
  disposition: string;
  note: string;
}

const maxNoteLength = 500;
/** A damaged or defective item is not for the shelf: written off unless the inspector says otherwise. */
const dispositionFor = (grade: string) => (grade === 'DAMAGED' || grade === 'DEFECTIVE' ? 'WRITE_OFF' : 'RESTOCK');

/**
 * The RETURN_INSPECTION task: a grade and what happens next (restock here, write off) for every returned
 * line, with an optional note. Big toggle buttons that wrap, so it works at 390 px with a thumb.
 */
export function InspectReturnForm() {
  const task = useRecordContext<TaskRecord>();
  const payload = inspectionPayloadOf(task);
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const { completeInspection } = useReturnTaskActions();
  const { data: record } = useGetOne<ReturnRecord>(
    'returns',
    { id: payload?.returnId ?? '' },
    { enabled: payload?.returnId !== undefined },
  );
  const [inspections, setInspections] = useState<Record<string, Inspection>>({});
  const lines = payload?.lines ?? [];
  const complete =
    lines.length > 0 && lines.every((line) => inspections[line.returnLineId]?.grade && inspections[line.returnLineId]?.disposition);
  const { mutate, isPending } = useMutation({
    mutationFn: () =>
      completeInspection(
        task?.id ?? '',
        lines.map((line) => {
          const inspection = inspections[line.returnLineId] ?? { grade: '', disposition: '', note: '' };
          const note = inspection.note.trim();
          return {
            returnLineId: line.returnLineId,
            grade: inspection.grade,
            disposition: inspection.disposition,
            ...(note !== '' && { note }),
          };
        }),
      ),
    onSuccess: () => {
      notify('omni.return.inspection_done', { type: 'success' });
      refresh();
    },
    onError: (error: Error) => notify(error.message, { type: 'error' }),
  });
  if (task === undefined || payload === undefined) return null;
  const update = (lineId: string, change: Partial<Inspection>) =>
    setInspections((current) => {
      const before = current[lineId] ?? { grade: '', disposition: '', note: '' };
      return { ...current, [lineId]: { ...before, ...change } };
    });
  return (
    <Stack spacing={2} className="inspection-form" sx={{ maxWidth: 720, minWidth: 0 }}>
      <Typography variant="subtitle1">{translate('omni.return.inspect_title')}</Typography>
      <Typography variant="body2">{translate('omni.return.inspect_help')}</Typography>
      <div>
        <Link to={`/returns/${encodeURIComponent(payload.returnId)}/show`}>{translate('omni.return.open_return')}</Link>
      </div>
      {lines.map((line) => {
        const returned = record?.lines.find((candidate) => candidate.id === line.returnLineId);
        const inspection = inspections[line.returnLineId] ?? { grade: '', disposition: '', note: '' };
        return (
          <Stack
            key={line.returnLineId}
            spacing={1}
            className="inspection-line"
            data-sku={line.sku}
            sx={{ borderBottom: 1, borderColor: 'divider', pb: 2, minWidth: 0 }}
          >
            <Typography variant="body1" sx={{ overflowWrap: 'anywhere' }}>
              {line.quantity} × {returned?.productName ?? line.sku}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {line.sku}
              {returned?.conditionSeen != null &&
                ` · ${translate('omni.return.seen_at_counter', { condition: translate(`omni.return.grade.${returned.conditionSeen}`) })}`}
            </Typography>
            <Typography variant="body2" id={`grade-${line.returnLineId}`}>
              {translate('omni.return.grade_label')}
            </Typography>
            <ToggleButtonGroup
              exclusive
              color="primary"
              value={inspection.grade}
              aria-labelledby={`grade-${line.returnLineId}`}
              onChange={(_event, grade: string | null) => {
                if (grade !== null) update(line.returnLineId, { grade, disposition: inspection.disposition || dispositionFor(grade) });
              }}
              sx={{
                flexWrap: 'wrap',
                gap: 1,
                '& .MuiToggleButton-root': { minHeight: 48, minWidth: 96, border: 1, borderColor: 'divider', borderRadius: 1 },
              }}
            >
              {itemGrades.map((grade) => (
                <ToggleButton key={grade} value={grade} className={`grade-${grade}`}>
                  {translate(`omni.return.grade.${grade}`)}
                </ToggleButton>
              ))}
            </ToggleButtonGroup>
            <Typography variant="body2" id={`disposition-${line.returnLineId}`}>
              {translate('omni.return.disposition_label')}
            </Typography>
            <ToggleButtonGroup
              exclusive
              color="primary"
              value={inspection.disposition}
              aria-labelledby={`disposition-${line.returnLineId}`}
              onChange={(_event, disposition: string | null) => {
                if (disposition !== null) update(line.returnLineId, { disposition });
              }}
              sx={{
                flexWrap: 'wrap',
                gap: 1,
                '& .MuiToggleButton-root': { minHeight: 48, border: 1, borderColor: 'divider', borderRadius: 1 },
              }}
            >
              {dispositions.map((disposition) => (
                <ToggleButton key={disposition} value={disposition} className={`disposition-${disposition}`}>
                  {translate(`omni.return.disposition.${disposition}`)}
                </ToggleButton>
              ))}
            </ToggleButtonGroup>
            <TextField
              name={`note-${line.returnLineId}`}
              label={translate('omni.return.note')}
              value={inspection.note}
              onChange={(event) => update(line.returnLineId, { note: event.target.value })}
              multiline
              fullWidth
              slotProps={{ htmlInput: { maxLength: maxNoteLength } }}
            />
          </Stack>
        );
      })}
      <div>
        <Button
          variant="contained"
          size="large"
          disabled={!complete || isPending}
          onClick={() => mutate()}
          className="complete-inspection"
          sx={{ minHeight: 48 }}
        >
          {translate('omni.return.complete_inspection')}
        </Button>
        {!complete && (
          <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }} className="inspection-why-disabled">
            {translate('omni.return.inspection_fill_every_line')}
          </Typography>
        )}
      </div>
    </Stack>
  );
}
