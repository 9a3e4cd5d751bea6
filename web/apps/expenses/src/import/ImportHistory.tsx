import { Button, Card, Notice, useAsync, useFormat, useSubmit } from '@trackstack/ui';
import type { ExpensesApi } from '../api';
import { t } from '../strings';

/** Earlier imports, newest first; undoing one deletes the entries it created. */
export function ImportHistory({ api, version, onUndone }: { api: ExpensesApi; version: number; onUndone: () => void }) {
  const f = useFormat();
  const history = useAsync((signal) => api.imports(signal), [api, version]);
  const s = useSubmit([], { fallback: t.importHistory.couldNotUndo });
  const page = history.data;
  const undo = (id: string, name: string) => {
    if (!confirm(t.importHistory.undoImportEntries(name))) return;
    void s.run(async () => { await api.undoImport(id); onUndone(); }, id);
  };
  return (
    <Card title={t.importHistory.earlierImports} busy={history.status === 'loading'} data-panel="import-history">
      {s.formError ? <Notice kind="error"><p>{s.formError}</p></Notice> : null}
      {history.status === 'error' ? <p className="muted">{t.importHistory.couldNotLoad}</p>
        : !page?.items.length ? <p className="muted">{history.status === 'loading' ? t.importHistory.loading : t.importHistory.nothingImportedYet}</p> : (
          <>
            <ul className="list">
              {page.items.map((i) => (
                <li key={i.id} data-import={i.fileName}>
                  <span className="grow"><span className="title break">{i.fileName}</span>
                    <span className="sub">{t.importHistory.createdDuplicates(f.date(i.createdAt, 'medium'), i.created, i.duplicates)}{i.errors ? t.importHistory.errors(i.errors) : ''}</span></span>
                  <Button variant="secondary" busy={s.busyWith === i.id} onClick={() => undo(i.id, i.fileName)} aria-label={t.importHistory.undoImport(i.fileName)}>{t.importHistory.undo}</Button>
                </li>
              ))}
            </ul>
            {page.total > page.items.length ? <p className="muted">{t.importHistory.latestImports(page.items.length, page.total)}</p> : null}
          </>
        )}
    </Card>
  );
}
