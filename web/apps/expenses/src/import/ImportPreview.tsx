import { Fragment } from 'react';
import { Button, Card, useFormat } from '@trackstack/ui';
import type { ImportResult, Settings } from '../api';
import { categoryNames } from '../logic';

/** Every line of the statement with its status, the reason when it is not new, and the category the rules give it. */
export function ImportPreview({ preview, settings, busy, onImport, onCancel }: { preview: ImportResult; settings: Settings | null; busy: boolean; onImport: () => void; onCancel: () => void }) {
  const f = useFormat();
  const names = categoryNames(settings);
  const newRows = preview.new;
  return (
    <Card title="Preview" data-panel="import-preview">
      <ImportCounts r={preview} preview />
      <div className="table-wrap" tabIndex={0} role="region" aria-label="Preview of the statement lines">
        <table className="table">
          <thead><tr><th scope="col">Status</th><th scope="col">Date</th><th scope="col">Payee</th><th scope="col" className="num">Amount</th></tr></thead>
          <tbody>
            {preview.rows.map((r) => (
              <Fragment key={r.line}>
                <tr data-status={r.status} className={r.message ? 'has-reason' : undefined}>
                  <td><span className={`status status-${r.status}`}>{r.status}</span><span className="sub">line {r.line}</span></td>
                  <td>{r.date ? f.date(r.date + 'T12:00:00Z', 'short') : '–'}</td>
                  <td className="break">{r.payee ?? ''}{r.memo ? <span className="sub">{r.memo}</span> : null}{r.categoryId && names.has(r.categoryId) ? <span className="sub" data-category>→ {names.get(r.categoryId)}</span> : null}</td>
                  <td className="num">{r.amountCents === null ? '–' : f.money(r.amountCents / 100)}</td>
                </tr>
                {r.message ? <tr className="reason-row"><td colSpan={4}><span className={`sub reason reason-${r.status}`}>{r.message}</span></td></tr> : null}
              </Fragment>
            ))}
          </tbody>
        </table>
      </div>
      {preview.rowsTruncated ? <p className="muted" data-truncated>Showing {preview.rows.length} of {preview.totalRows} lines; the counts above cover them all.</p> : null}
      <div className="btn-row">
        <Button onClick={onImport} busy={busy} disabled={newRows === 0}>{newRows ? `Import ${newRows} new ${newRows === 1 ? 'line' : 'lines'}` : 'Nothing new to import'}</Button>
        <Button variant="secondary" onClick={onCancel}>Cancel</Button>
      </div>
    </Card>
  );
}

/** New (or created), duplicates, errors and skipped lines, with the format that was read. */
export function ImportCounts({ r, preview }: { r: ImportResult; preview?: boolean }) {
  const created = preview ? r.new : r.created;
  return (
    <p className="import-counts" data-created={created} data-duplicates={r.duplicates} data-errors={r.errors} data-skipped={r.skipped}>
      {preview ? 'new' : 'created'}: <strong>{created}</strong> · duplicates: <strong>{r.duplicates}</strong> · errors: <strong>{r.errors}</strong> · skipped: <strong>{r.skipped}</strong> <span className="muted">({r.format})</span>
    </p>
  );
}
