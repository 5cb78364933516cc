import { Alert, List, ListItem, ListItemText } from '@mui/material';
import { useTranslate } from 'react-admin';
import { type ScopeProblem } from './promotion-record';

/** The API's per-SKU refusals (floor, conflicts, unknown SKUs, CSV rows) as a list a person can work through. */
export function ScopeProblems({ problems, title }: { problems: ScopeProblem[]; title: string }) {
  const translate = useTranslate();
  if (problems.length === 0) return null;
  return (
    <Alert severity="error" sx={{ width: '100%' }} data-testid="scope-problems">
      {title}
      <List dense>
        {problems.map((problem) => (
          <ListItem key={`${problem.kind}:${problem.subject}:${problem.channel ?? ''}`} disableGutters>
            <ListItemText
              primary={translate(`omni.promotion.problem.${problem.kind}`, {
                subject: problem.subject,
                channel: problem.channel ?? '',
              })}
              secondary={problem.message}
            />
          </ListItem>
        ))}
      </List>
    </Alert>
  );
}
