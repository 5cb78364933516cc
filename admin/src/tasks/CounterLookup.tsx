import SearchIcon from '@mui/icons-material/Search';
import { Alert, Card, CardActionArea, CardContent, Chip, InputAdornment, Stack, TextField, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useCreatePath, useDataProvider, useTranslate } from 'react-admin';
import { type OmnichannelDataProvider } from '../data/data-provider';
import { type TaskRecord } from './task-record';

/** Typing pauses this long before the API is asked (a code is checked against every ready order's hash). */
const typingPauseMs = 400;
const shortestQuery = 2;

type LookupResult = TaskRecord & { matchedBy: 'code' | 'order' | 'customer' };

/**
 * At the counter: the customer says their name, shows their phone, order e-mail or pickup code; one box
 * finds the open task (hand-overs first, GET /api/tasks/lookup), a tap opens it.
 */
export function CounterLookup() {
  const translate = useTranslate();
  const dataProvider = useDataProvider<OmnichannelDataProvider>();
  const createPath = useCreatePath();
  const [typed, setTyped] = useState('');
  const [query, setQuery] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQuery(typed.trim()), typingPauseMs);
    return () => clearTimeout(timer);
  }, [typed]);
  const { data, error } = useQuery({
    queryKey: ['tasks', 'lookup', query],
    queryFn: () => dataProvider.readJson<LookupResult[]>(`/tasks/lookup?q=${encodeURIComponent(query)}`),
    enabled: query.length >= shortestQuery,
  });
  return (
    <Stack spacing={1} sx={{ mt: 1, mb: 1 }} className="counter-lookup">
      <TextField
        name="lookup"
        label={translate('omni.lookup.label')}
        placeholder={translate('omni.lookup.placeholder')}
        value={typed}
        onChange={(event) => setTyped(event.target.value)}
        autoComplete="off"
        fullWidth
        slotProps={{
          input: {
            startAdornment: (
              <InputAdornment position="start">
                <SearchIcon />
              </InputAdornment>
            ),
          },
        }}
      />
      {error != null && <Alert severity="error">{error.message}</Alert>}
      {query.length >= shortestQuery && data !== undefined && data.length === 0 && (
        <Typography variant="body2" className="counter-lookup-none">
          {translate('omni.lookup.none', { query })}
        </Typography>
      )}
      {data?.map((task) => (
        <Card key={task.id} variant="outlined" className="counter-lookup-result" data-type={task.type}>
          <CardActionArea component={Link} to={createPath({ resource: 'tasks', id: task.id, type: 'show' })} sx={{ minHeight: 56 }}>
            <CardContent>
              <Typography variant="subtitle1" sx={{ overflowWrap: 'anywhere' }}>
                {task.title}
              </Typography>
              <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
                <Typography variant="body2">{task.payload.customerName ?? '—'}</Typography>
                <Chip size="small" label={translate(`omni.lookup.matched_${task.matchedBy}`)} />
              </Stack>
            </CardContent>
          </CardActionArea>
        </Card>
      ))}
    </Stack>
  );
}
