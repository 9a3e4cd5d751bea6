import { Fragment, useState } from 'react';
import { Button, Card, countOf, plural, units, useFormat } from '@trackstack/ui';
import type { ImportResult, Settings } from '../api';
import { categoryNames } from '../logic';
import { dayMonth, decisions, editOf, isEditable, isIncome, outcome, runningTotal, type Decision, type Edits, type LineEdit, type PreviewRow } from './previewEdits';
import { t } from '../strings';

const STATUS_LABEL: Record<string, string> = t.importPreview.status;

/** Every line of the statement with its status and reason, editable: untick a line, change its category, add a
 * matched line as a new entry, or add money in as a refund; the running total shows what the import will add. */
export function ImportPreview({ preview, settings, busy, onImport, onCancel }: {
  preview: ImportResult; settings: Settings | null; busy: boolean; onImport: (decisions: Decision[]) => void; onCancel: () => void;
}) {
  const f = useFormat();
  const names = categoryNames(settings);
  const categories = [...names].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
  const [edits, setEdits] = useState<Edits>({});
  const edit = (r: PreviewRow, change: Partial<LineEdit>) => setEdits((all) => ({ ...all, [r.line]: { ...editOf(all, r), ...change } }));
  const total = runningTotal(preview.rows, edits);
  const lines = (n: number) => countOf(n, units.line, f.ctx.locale);
  const importLabel = total.entries + total.linked === 0 ? t.importPreview.nothingNewImport
    : t.importPreview.importNew(total.entries, plural(total.entries, units.line), total.linked ? t.importPreview.link(lines(total.linked)) : '');
  // The bank's own sign: money out negative, money in positive.
  const bankAmount = (cents: number) => `${cents < 0 ? '+' : ''}${f.money(-cents / 100)}`;

  return (
    <Card title={t.importPreview.preview} data-panel="import-preview">
      <ImportCounts r={preview} preview />
      <div className="table-wrap" tabIndex={0} role="region" aria-label={t.importPreview.previewStatementLines}>
        <table className="table import-preview">
          <thead><tr><th scope="col" className="import-pick"><span className="visually-hidden">{t.importPreview.import}</span></th><th scope="col">{t.importPreview.statusDate}</th><th scope="col">{t.importPreview.payee}</th><th scope="col" className="num">{t.importPreview.amount}</th></tr></thead>
          <tbody>
            {preview.rows.map((r) => {
              const e = editOf(edits, r);
              const o = outcome(r, e);
              const income = isIncome(r);
              const label = r.status === 'skipped' && income ? t.importPreview.income : STATUS_LABEL[r.status] ?? r.status;
              const matchText = r.match
                ? r.match.kind === 'entry' ? t.importPreview.matchesYourEntry(dayMonth(r.match.date, f.ctx.locale)) : t.importPreview.ticksYourBill(r.match.title, dayMonth(r.match.date, f.ctx.locale))
                : null;
              const canCategorise = isEditable(r) && r.status !== 'matched' && categories.length > 0;
              const message = r.status === 'skipped' && r.addable ? t.importPreview.moneyTickCount : r.message;
              return (
                <Fragment key={r.line}>
                  <tr data-status={r.status} data-line={r.line} data-outcome={o} data-income={income || undefined} className={[message || matchText || canCategorise ? 'has-reason' : '', o === 'none' && isEditable(r) ? 'left-out' : ''].join(' ').trim() || undefined}>
                    <td>{isEditable(r)
                      ? <input type="checkbox" checked={e.include} aria-label={t.importPreview.importLine(r.line, r.payee ?? t.importPreview.noPayee)} onChange={(ev) => edit(r, { include: ev.target.checked })} />
                      : null}</td>
                    <td><span className={`status status-${r.status}${income ? ' status-income' : ''}`}>{label}</span>
                      <span className="sub" data-date>{r.date ? f.date(r.date + 'T12:00:00Z', 'short') : '–'}</span><span className="sub">{t.importPreview.line(r.line)}</span></td>
                    <td className="break">
                      {r.payee ?? ''}{r.memo ? <span className="sub">{r.memo}</span> : null}
                      {(o === 'add' || o === 'tick') && e.categoryId && names.has(e.categoryId) ? <span className="sub" data-category>→ {names.get(e.categoryId)}</span> : null}
                    </td>
                    <td className="num" data-amount>{r.amountCents === null ? '–' : bankAmount(r.amountCents)}</td>
                  </tr>
                  {matchText || message || canCategorise ? (
                    <tr className="reason-row"><td colSpan={4}>
                      {canCategorise ? (
                        <select className="import-category" aria-label={t.importPreview.categoryLine(r.line)} value={e.categoryId ?? ''} disabled={o === 'none' || o === 'link'}
                          onChange={(ev) => edit(r, { categoryId: ev.target.value || null })}>
                          <option value="">{r.status === 'bill' ? t.importPreview.billSCategory : t.importPreview.noCategory}</option>
                          {categories.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
                        </select>
                      ) : null}
                      {matchText ? <span className="sub reason reason-match" data-match={r.match!.kind}>{matchText}{r.match!.kind === 'entry' ? t.importPreview.linkedNotAdded(r.match!.title) : '.'}</span> : null}
                      {matchText && (r.status === 'matched' || r.status === 'bill' || e.asNew) ? (
                        <label className="check inline"><input type="checkbox" checked={e.asNew} disabled={!e.include} onChange={(ev) => edit(r, { asNew: ev.target.checked })} />{t.importPreview.addAsNew}</label>
                      ) : null}
                      {message ? <span className={`sub reason reason-${r.status}`}>{message}</span> : null}
                    </td></tr>
                  ) : null}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </div>
      {preview.rowsTruncated ? <p className="muted" data-truncated>{t.importPreview.showingLinesCounts(preview.rows.length, preview.totalRows)}</p> : null}
      <p className="import-total" data-running-total={total.cents} data-entries={total.entries} aria-live="polite">
        {t.importPreview.willAdd}<strong>{lines(total.entries)}</strong>{t.importPreview.worth}<strong>{f.money(total.cents / 100)}</strong>
        {total.linked ? <>{t.importPreview.linkedWhatYou(lines(total.linked))}</> : null}
      </p>
      <div className="btn-row">
        <Button onClick={() => onImport(decisions(preview.rows, edits))} busy={busy} disabled={total.entries + total.linked === 0}>{importLabel}</Button>
        <Button variant="secondary" onClick={onCancel}>{t.importPreview.cancel}</Button>
      </div>
    </Card>
  );
}

/** New (or created), duplicates, errors and skipped lines, with the format that was read. */
export function ImportCounts({ r, preview }: { r: ImportResult; preview?: boolean }) {
  const created = preview ? r.new : r.created;
  return (
    <p className="import-counts" data-created={created} data-duplicates={r.duplicates} data-errors={r.errors} data-skipped={r.skipped} data-matched={r.matched} data-bills={r.bills}>
      {preview ? t.importPreview.new : t.importPreview.created}: <strong>{created}</strong>
      {r.matched ? <>{t.importPreview.alreadyEntered2}<strong>{r.matched}</strong></> : null}
      {r.bills ? <>{t.importPreview.bills}<strong>{r.bills}</strong></> : null}
      {t.importPreview.duplicates}<strong>{r.duplicates}</strong>{t.importPreview.errors}<strong>{r.errors}</strong>{t.importPreview.skipped}<strong>{r.skipped}</strong> <span className="muted">({r.format})</span>
      {r.rememberedLayout ? <span className="sub" data-remembered-layout>{t.importPreview.readWithColumns}</span> : null}
    </p>
  );
}
