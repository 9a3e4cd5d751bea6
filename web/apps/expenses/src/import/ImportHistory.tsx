import { Button, Card, Notice, useAsync, useFormat, useSubmit } from '@trackstack/ui';
import type { ExpensesApi } from '../api';

/** Earlier imports, newest first; undoing one deletes the entries it created. */
export function ImportHistory({ api, version, onUndone }: { api: ExpensesApi; version: number; onUndone: () => void }) {
  const f = useFormat();
  const history = useAsync((signal) => api.imports(signal), [api, version]);
  const s = useSubmit([], { fallback: 'Could not undo it.' });
  const page = history.data;
  const undo = (id: string, name: string) => {
    if (!confirm(`Undo the import of ${name}? The entries it created are deleted.`)) return;
    void s.run(async () => { await api.undoImport(id); onUndone(); }, id);
  };
  return (
    <Card title="Earlier imports" busy={history.status === 'loading'} data-panel="import-history">
      {s.formError ? <Notice kind="error"><p>{s.formError}</p></Notice> : null}
      {history.status === 'error' ? <p className="muted">Could not load the earlier imports.</p>
        : !page?.items.length ? <p className="muted">{history.status === 'loading' ? 'Loading…' : 'Nothing imported yet.'}</p> : (
          <>
            <ul className="list">
              {page.items.map((i) => (
                <li key={i.id} data-import={i.fileName}>
                  <span className="grow"><span className="title break">{i.fileName}</span>
                    <span className="sub">{f.date(i.createdAt, 'medium')} · {i.created} created · {i.duplicates} duplicates{i.errors ? ` · ${i.errors} errors` : ''}</span></span>
                  <Button variant="secondary" busy={s.busyWith === i.id} onClick={() => undo(i.id, i.fileName)} aria-label={`Undo the import of ${i.fileName}`}>Undo</Button>
                </li>
              ))}
            </ul>
            {page.total > page.items.length ? <p className="muted">The latest {page.items.length} of {page.total} imports.</p> : null}
          </>
        )}
    </Card>
  );
}
