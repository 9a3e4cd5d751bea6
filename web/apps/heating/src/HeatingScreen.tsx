import { ApiError, fetchHeatingSummary, type ModuleContext } from '@trackstack/api';
import { Button, Card, FormatProvider, Notice, useAsync } from '@trackstack/ui';
import { HeatingStats } from './HeatingHomeCard';

/** The Heating screen. For now: the summary; refills, purchases, temperatures and charts come next. */
export function HeatingScreen({ context }: { context: ModuleContext }) {
  const { client, household } = context;
  const state = useAsync((signal) => fetchHeatingSummary(client, household.id, signal), [household.id]);
  const unavailable = state.status === 'error' && state.error instanceof ApiError && state.error.notFound;
  return (
    <FormatProvider value={household}>
      <h1>Heating</h1>
      {unavailable ? (
        <Notice>
          <p><strong>Heating is not available on this server.</strong></p>
          <p className="muted">The server you are using does not run the Heating module (yet). Ask its operator, or check back after an update.</p>
        </Notice>
      ) : state.status === 'error' ? (
        <Notice kind="error"><p>{state.error instanceof ApiError ? state.error.message : 'Could not load heating.'}</p><Button variant="secondary" onClick={state.reload}>Try again</Button></Notice>
      ) : (
        <Card title="At a glance" busy={state.status === 'loading'} data-module="heating" data-state={state.status}>
          <HeatingStats summary={state.status === 'ready' ? state.data! : null} />
        </Card>
      )}
    </FormatProvider>
  );
}
