import { Fragment, useEffect, useRef, useState } from 'react';
import { ApiError } from '@trackstack/api';
import { Button, Card, Notice, SelectField, TextField, useAsync, useFormat } from '@trackstack/ui';
import { n, type ExpensesApi, type ImportResult, type Settings } from './api';

const OPTION_FIELDS = ['delimiter', 'decimalSeparator', 'encoding', 'dateFormat', 'skipLines', 'dateColumn', 'amountColumn', 'debitColumn', 'creditColumn', 'payeeColumn', 'memoColumn'] as const;
type Options = Record<(typeof OPTION_FIELDS)[number], string> & { expensesArePositive: boolean; includeCredits: boolean };
const EMPTY: Options = { delimiter: '', decimalSeparator: '', encoding: '', dateFormat: '', skipLines: '', dateColumn: '', amountColumn: '', debitColumn: '', creditColumn: '', payeeColumn: '', memoColumn: '', expensesArePositive: false, includeCredits: false };

/** The import form body: the file plus only the options that were set. */
export function importForm(file: Blob, fileName: string, o: Options, dryRun: boolean): FormData {
  const form = new FormData();
  form.append('file', file, fileName);
  for (const k of OPTION_FIELDS) if (o[k].trim()) form.append(k, o[k].trim());
  if (o.expensesArePositive) form.append('expensesArePositive', 'true');
  if (o.includeCredits) form.append('includeCredits', 'true');
  if (dryRun) form.append('dryRun', 'true');
  return form;
}

/** Bank import: pick a file, preview every row with its status, then import. */
export function ImportPanel({ api, month, settings, onChanged }: { api: ExpensesApi; month: string; settings?: Settings | null; onChanged: (m?: string) => void }) {
  const categoryNames = new Map((settings?.tanks ?? []).flatMap((t) => t.categories.map((c) => [c.id, c.name] as const)));
  const f = useFormat();
  const [file, setFile] = useState<File | null>(null);
  const [options, setOptions] = useState<Options>(EMPTY);
  const [preview, setPreview] = useState<ImportResult | null>(null);
  const [done, setDone] = useState<ImportResult | null>(null);
  const [busy, setBusy] = useState<'preview' | 'commit' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const opt = (k: keyof Options) => (e: { target: { value: string } }) => { setOptions((o) => ({ ...o, [k]: e.target.value })); setPreview(null); };

  const run = async (dryRun: boolean) => {
    if (!file) { setError('Choose a bank statement file first.'); return; }
    setBusy(dryRun ? 'preview' : 'commit'); setError(null); setFieldErrors({});
    try {
      const r = await api.import(importForm(file, file.name, options, dryRun));
      if (dryRun) { setPreview(r); setDone(null); } else { setDone(r); setPreview(null); setHistoryVersion((v) => v + 1); onChanged(); }
    } catch (e) {
      if (e instanceof ApiError) { setError(e.message); setFieldErrors(e.fieldErrors); } else setError('The import failed.');
    } finally {
      setBusy(null);
    }
  };
  const [historyVersion, setHistoryVersion] = useState(0);
  const history = useAsync((signal) => api.imports(signal), [api, historyVersion]);
  const [undoing, setUndoing] = useState<string | null>(null);
  const undo = async (id: string, name: string) => {
    if (!confirm(`Undo the import of ${name}? The entries it created are deleted.`)) return;
    setUndoing(id); setError(null);
    try { await api.undoImport(id); setDone(null); setHistoryVersion((v) => v + 1); onChanged('Import undone: its entries were deleted.'); }
    catch (e) { setError(e instanceof ApiError ? e.message : 'Could not undo it.'); }
    finally { setUndoing(null); }
  };
  const previewRef = useRef<HTMLDivElement>(null);
  useEffect(() => { if (preview) previewRef.current?.scrollIntoView?.({ block: 'start' }); }, [preview]);
  const newRows = preview ? preview.rows.filter((r) => r.status === 'new').length : 0;

  return (
    <>
      <Card title="Import a bank statement" data-panel="import">
        <p className="muted">OFX, QIF, CAMT.053 or CSV. You see every line before anything is stored; lines imported before are recognised as duplicates.</p>
        <div className={['field', fieldErrors.file ? 'field-invalid' : ''].join(' ')}>
          <label htmlFor="import-file">Statement file</label>
          <input id="import-file" name="file" type="file" accept=".csv,.ofx,.qfx,.qif,.xml,.txt" onChange={(e) => { setFile(e.target.files?.[0] ?? null); setPreview(null); setDone(null); }} />
          {fieldErrors.file ? <p className="field-error">{fieldErrors.file}</p> : null}
        </div>
        <details className="more">
          <summary>CSV options (only when the preview looks wrong)</summary>
          <div className="filters">
            <SelectField label="Delimiter" name="delimiter" value={options.delimiter} onChange={opt('delimiter')} error={fieldErrors.delimiter}
              options={[{ value: '', label: 'Detect' }, { value: ';', label: 'Semicolon ;' }, { value: ',', label: 'Comma ,' }, { value: '\t', label: 'Tab' }, { value: '|', label: 'Pipe |' }]} />
            <SelectField label="Decimal separator" name="decimalSeparator" value={options.decimalSeparator} onChange={opt('decimalSeparator')} error={fieldErrors.decimalSeparator}
              options={[{ value: '', label: 'Detect' }, { value: '.', label: 'Point 1.50' }, { value: ',', label: 'Comma 1,50' }]} />
            <SelectField label="Encoding" name="encoding" value={options.encoding} onChange={opt('encoding')} error={fieldErrors.encoding}
              options={[{ value: '', label: 'Detect' }, { value: 'utf-8', label: 'UTF-8' }, { value: 'windows-1252', label: 'Windows-1252 / Latin-1' }]} />
            <TextField label="Date format" name="dateFormat" placeholder="dd.MM.yyyy" value={options.dateFormat} onChange={opt('dateFormat')} error={fieldErrors.dateFormat} />
            <TextField label="Lines to skip" name="skipLines" inputMode="numeric" value={options.skipLines} onChange={opt('skipLines')} error={fieldErrors.skipLines} />
            <TextField label="Date column" name="dateColumn" value={options.dateColumn} onChange={opt('dateColumn')} error={fieldErrors.dateColumn} hint="Header name or 0-based number." />
            <TextField label="Amount column" name="amountColumn" value={options.amountColumn} onChange={opt('amountColumn')} error={fieldErrors.amountColumn} />
            <TextField label="Money out column" name="debitColumn" value={options.debitColumn} onChange={opt('debitColumn')} error={fieldErrors.debitColumn} />
            <TextField label="Money in column" name="creditColumn" value={options.creditColumn} onChange={opt('creditColumn')} error={fieldErrors.creditColumn} />
            <TextField label="Payee column" name="payeeColumn" value={options.payeeColumn} onChange={opt('payeeColumn')} error={fieldErrors.payeeColumn} />
            <TextField label="Memo column" name="memoColumn" value={options.memoColumn} onChange={opt('memoColumn')} error={fieldErrors.memoColumn} />
          </div>
          <label className="check"><input type="checkbox" name="expensesArePositive" checked={options.expensesArePositive} onChange={(e) => { setOptions((o) => ({ ...o, expensesArePositive: e.target.checked })); setPreview(null); }} /> Money out is written as a positive number</label>
          <label className="check"><input type="checkbox" name="includeCredits" checked={options.includeCredits} onChange={(e) => { setOptions((o) => ({ ...o, includeCredits: e.target.checked })); setPreview(null); }} /> Also import money in (as refunds)</label>
        </details>
        {error ? <Notice kind="error"><p>{error}</p></Notice> : null}
        <div className="btn-row">
          <Button onClick={() => void run(true)} busy={busy === 'preview'} disabled={!file}>Preview</Button>
        </div>
        <p className="export-links">Export {month}: <a href={api.exportUrl('csv', month)} download>CSV</a> · <a href={api.exportUrl('json', month)} download>JSON</a></p>
      </Card>
      <div ref={previewRef} className="anchor" />
      {preview ? (
        <Card title="Preview" data-panel="import-preview">
          <ImportCounts r={preview} preview />
          <div className="table-wrap" tabIndex={0} role="region" aria-label="Preview of the statement lines">
            <table className="table">
              <thead><tr><th scope="col">Status</th><th scope="col">Date</th><th scope="col">Payee</th><th scope="col" className="num">Amount</th></tr></thead>
              <tbody>
                {preview.rows.map((r) => (
                  <Fragment key={String(r.line)}>
                  <tr data-status={r.status} className={r.message ? 'has-reason' : undefined}>
                    <td><span className={`status status-${r.status}`}>{r.status}</span><span className="sub">line {n(r.line)}</span></td>
                    <td>{r.date ? f.date(r.date + 'T12:00:00Z', 'short') : '–'}</td>
                    <td className="break">{r.payee ?? ''}{r.memo ? <span className="sub">{r.memo}</span> : null}{r.categoryId && categoryNames.has(r.categoryId) ? <span className="sub" data-category>→ {categoryNames.get(r.categoryId)}</span> : null}</td>
                    <td className="num">{r.amountCents === null ? '–' : f.money(n(r.amountCents) / 100)}</td>
                  </tr>
                  {r.message ? <tr className="reason-row"><td colSpan={4}><span className={`sub reason reason-${r.status}`}>{r.message}</span></td></tr> : null}
                  </Fragment>
                ))}
              </tbody>
            </table>
          </div>
          <div className="btn-row">
            <Button onClick={() => void run(false)} busy={busy === 'commit'} disabled={newRows === 0}>{newRows ? `Import ${newRows} new ${newRows === 1 ? 'line' : 'lines'}` : 'Nothing new to import'}</Button>
            <Button variant="secondary" onClick={() => setPreview(null)}>Cancel</Button>
          </div>
        </Card>
      ) : null}
      {done ? (
        <Notice kind="success"><p><strong>Imported.</strong></p><ImportCounts r={done} /></Notice>
      ) : null}
      <Card title="Earlier imports" busy={history.status === 'loading'} data-panel="import-history">
        {history.status === 'error' ? <p className="muted">Could not load the earlier imports.</p>
          : (history.data ?? []).length === 0 ? <p className="muted">{history.status === 'loading' ? 'Loading…' : 'Nothing imported yet.'}</p> : (
          <ul className="list">
            {(history.data ?? []).map((i) => (
              <li key={i.id} data-import={i.fileName}>
                <span className="grow"><span className="title break">{i.fileName}</span>
                  <span className="sub">{f.date(i.createdAt, 'medium')} · {n(i.created)} created · {n(i.duplicates)} duplicates{n(i.errors) ? ` · ${n(i.errors)} errors` : ''}</span></span>
                <Button variant="secondary" busy={undoing === i.id} onClick={() => void undo(i.id, i.fileName)} aria-label={`Undo the import of ${i.fileName}`}>Undo</Button>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}

function ImportCounts({ r, preview }: { r: ImportResult; preview?: boolean }) {
  const count = (s: string) => (preview ? r.rows.filter((x) => x.status === s).length : 0);
  const created = preview ? count('new') : n(r.created);
  return (
    <p className="import-counts" data-created={created} data-duplicates={n(r.duplicates)} data-errors={n(r.errors)} data-skipped={n(r.skipped)}>
      {preview ? 'new' : 'created'}: <strong>{created}</strong> · duplicates: <strong>{n(r.duplicates)}</strong> · errors: <strong>{n(r.errors)}</strong> · skipped: <strong>{n(r.skipped)}</strong> <span className="muted">({r.format})</span>
    </p>
  );
}
