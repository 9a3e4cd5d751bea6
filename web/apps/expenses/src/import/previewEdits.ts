// The user's edits of an import preview (line left out, added anyway, category), the running total they give,
// and the `decisions` field that carries them to the commit. Pure: the preview component only renders this.
import type { ImportResult } from '../api';

export type PreviewRow = ImportResult['rows'][number];

/** include: the line is imported at all; asNew: a matched line is added as a new entry instead of linked. */
export type LineEdit = { include: boolean; asNew: boolean; categoryId: string | null };
export type Edits = Readonly<Record<number, LineEdit>>;

export type Outcome = 'add' | 'link' | 'tick' | 'none';

export type Decision = { line: number; action?: 'skip' | 'add'; categoryId?: string };

/** Lines the user can change: what a commit would add, link or tick, and money in that may be added as a refund. */
export function isEditable(r: PreviewRow): boolean {
  return r.status === 'new' || r.status === 'matched' || r.status === 'bill' || (r.status === 'skipped' && r.addable);
}

/** Money in (the bank writes it positive; the preview's amount counts spending, so it is negative). */
export function isIncome(r: PreviewRow): boolean {
  return r.amountCents !== null && r.amountCents < 0;
}

export function defaultEdit(r: PreviewRow): LineEdit {
  return { include: r.status !== 'skipped', asNew: false, categoryId: r.categoryId ?? null };
}

export function editOf(edits: Edits, r: PreviewRow): LineEdit {
  return edits[r.line] ?? defaultEdit(r);
}

export function outcome(r: PreviewRow, e: LineEdit): Outcome {
  if (!isEditable(r) || !e.include) return 'none';
  if (r.status === 'matched') return e.asNew ? 'add' : 'link';
  if (r.status === 'bill') return e.asNew ? 'add' : 'tick';
  return 'add';
}

/** What the import will add: entries created (new lines, refunds, ticked bills) and their sum; linked lines add nothing. */
export function runningTotal(rows: readonly PreviewRow[], edits: Edits): { cents: number; entries: number; linked: number } {
  let cents = 0, entries = 0, linked = 0;
  for (const r of rows) {
    const o = outcome(r, editOf(edits, r));
    if (o === 'link') linked++;
    if (o === 'add' || o === 'tick') { entries++; cents += r.amountCents ?? 0; }
  }
  return { cents, entries, linked };
}

/** Only the lines whose edit differs from the proposal: no edits, no decisions (the proposals apply as they are). */
export function decisions(rows: readonly PreviewRow[], edits: Edits): Decision[] {
  const out: Decision[] = [];
  for (const r of rows) {
    if (!isEditable(r) || !edits[r.line]) continue;
    const e = edits[r.line]!;
    const d = defaultEdit(r);
    const o = outcome(r, e);
    const decision: Decision = { line: r.line };
    if (!e.include && d.include) decision.action = 'skip';
    else if (e.include && (!d.include || ((r.status === 'matched' || r.status === 'bill') && e.asNew))) decision.action = 'add';
    if ((o === 'add' || o === 'tick') && e.categoryId && e.categoryId !== d.categoryId) decision.categoryId = e.categoryId;
    if (decision.action || decision.categoryId) out.push(decision);
  }
  return out;
}

/** "28.11" / "28/11": day and month in the locale, for "matches your entry of …". */
export function dayMonth(isoDate: string, locale: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  if (!y || !m || !d) return isoDate;
  return new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d))).replace(/[./]$/, '');
}
