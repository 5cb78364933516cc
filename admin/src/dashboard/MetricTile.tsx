import { Alert, Box, Button, Card, CardActions, CardContent, CircularProgress, Typography } from '@mui/material';
import { type ReactNode } from 'react';
import { Link, useTranslate } from 'react-admin';

/** A dashboard card: title, the figures once loaded (or the API's message), and links to the lists behind them. */
export function MetricTile(props: {
  id: string;
  title: string;
  loading: boolean;
  error: unknown;
  links?: { to: string; label: string }[];
  children: ReactNode;
}) {
  const translate = useTranslate();
  return (
    <Card data-testid={`tile-${props.id}`} sx={{ height: '100%', display: 'flex', flexDirection: 'column' }}>
      <CardContent sx={{ flexGrow: 1 }}>
        <Typography variant="h6" component="h2" gutterBottom>
          {props.title}
        </Typography>
        {props.loading ? (
          <Box sx={{ display: 'flex', justifyContent: 'center', p: 2 }}>
            <CircularProgress size={24} />
          </Box>
        ) : props.error ? (
          <Alert severity="error">{props.error instanceof Error ? props.error.message : translate('omni.dashboard.load_failed')}</Alert>
        ) : (
          props.children
        )}
      </CardContent>
      {props.links !== undefined && (
        <CardActions>
          {props.links.map((link) => (
            <Button key={link.to} component={Link} to={link.to} size="small">
              {link.label}
            </Button>
          ))}
        </CardActions>
      )}
    </Card>
  );
}
