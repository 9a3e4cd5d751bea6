import { useState } from 'react';
import { api, errorMessage, unwrap, type components } from '@trackstack/api';
import { Card, Notice, Skeleton, useAsync } from '@trackstack/ui';
import { t as strings } from '../strings';

type Digest = components['schemas']['DigestResponse'];

/** The built-in e-mail digests of one household: a toggle per digest (for the signed-in member only) and its next send. */
export function DigestsCard({ householdId, name }: { householdId: string; name: string }) {
  const state = useAsync((signal) => unwrap(api().typed.GET('/api/households/{householdId}/reports/digests/me', { params: { path: { householdId } }, signal })), [householdId]);
  const [digests, setDigests] = useState<Digest[] | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const list = digests ?? state.data ?? null;
  const choose = async (kind: string, enabled: boolean) => {
    setBusy(kind);
    setError(null);
    try {
      setDigests(await unwrap(api().typed.PUT('/api/households/{householdId}/reports/digests/me', {
        params: { path: { householdId } }, body: { digests: [{ kind, enabled }] },
      })));
    } catch (e) {
      setError(errorMessage(e, strings.digestsCard.couldNotSave));
    } finally {
      setBusy(null);
    }
  };
  return (
    <Card title={strings.digestsCard.title(name)} busy={state.status === 'loading' && !list} data-digests={householdId}>
      {error ? <Notice kind="error">{error}</Notice> : null}
      {state.status === 'error' && !list ? <Notice kind="error">{errorMessage(state.error, strings.digestsCard.couldNotLoad)}</Notice> : null}
      {list ? (
        <ul className="list" aria-label={strings.digestsCard.title(name)}>
          {list.map((d) => (
            <li key={d.kind} data-digest={d.kind}>
              <label className="grow">
                <input type="checkbox" checked={d.enabled} disabled={busy === d.kind} onChange={(e) => void choose(d.kind, e.currentTarget.checked)} />
                {' '}<span className="title">{d.title}</span>
                <div className="sub">{d.description}</div>
                <div className="sub">{d.enabled ? strings.digestsCard.next(when(d)) : strings.digestsCard.wouldBe(when(d))}</div>
              </label>
            </li>
          ))}
        </ul>
      ) : state.status === 'loading' ? (
        <ul className="list">{[0, 1].map((i) => <li key={i}><div className="grow"><Skeleton width="60%" /><Skeleton width="40%" /></div></li>)}</ul>
      ) : null}
    </Card>
  );
}

/** The next send in the household's own zone, as the server computed it. */
function when(d: Digest): string {
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short', timeZone: d.timeZone }).format(new Date(d.nextSend));
}
