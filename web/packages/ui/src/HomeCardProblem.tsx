import type { ReactNode } from 'react';
import { errorMessage } from '@trackstack/api';
import { Button, Card } from './components';
import { isModuleUnavailable } from './unavailable';
import { ui } from './strings';

/** A home card whose module did not answer: calm words when the server does not run it, else the error and a retry. */
export function HomeCardProblem({ module, title, open, error, reload, notSetUp, fallback }: {
  module: string; title: string; open: ReactNode; error: unknown; reload: () => void;
  /** What the card will show once the module is set up. */
  notSetUp: string;
  fallback: string;
}) {
  const unavailable = isModuleUnavailable(error);
  return (
    <Card title={title} action={unavailable ? undefined : open} data-module={module} data-state={unavailable ? 'not-set-up' : 'error'}>
      {unavailable
        ? <p className="muted">{notSetUp}</p>
        : <>
            <p className="muted">{errorMessage(error, fallback)}</p>
            <div><Button variant="secondary" onClick={reload}>{ui.homeCardProblem.tryAgain}</Button></div>
          </>}
    </Card>
  );
}
