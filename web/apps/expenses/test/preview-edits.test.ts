import { describe, expect, it } from 'vitest';
import { dayMonth, decisions, runningTotal, type Edits, type PreviewRow } from '../src/import/previewEdits';

const row = (line: number, status: string, amountCents: number, extra: Partial<PreviewRow> = {}): PreviewRow => ({
  line, status, amountCents, date: '2026-11-28', payee: 'x', memo: null, bankId: null, categoryId: null, message: null, match: null, addable: false, ...extra,
} as PreviewRow);

const rows = [
  row(2, 'new', 1000),
  row(3, 'matched', 1399, { match: { kind: 'entry', id: 'e1', date: '2026-11-27', title: 'Netflix', amountCents: 1399 } }),
  row(4, 'bill', 95000, { match: { kind: 'bill', id: 'b1', date: '2026-12-01', title: 'Rent', amountCents: 95000 } }),
  row(5, 'skipped', -1250, { addable: true, message: 'Income' }),
  row(6, 'duplicate', 500),
];

describe('import preview edits', () => {
  it('adds new lines and ticked bills, not linked lines or income, until the user changes them', () => {
    expect(runningTotal(rows, {})).toEqual({ cents: 96000, entries: 2, linked: 1 });
    expect(decisions(rows, {})).toEqual([]);
  });

  it('turns unticked lines, added-anyway matches, added income and categories into decisions', () => {
    const edits: Edits = {
      2: { include: false, asNew: false, categoryId: null },
      3: { include: true, asNew: true, categoryId: 'fun' },
      5: { include: true, asNew: false, categoryId: null },
      6: { include: true, asNew: false, categoryId: 'fun' },
    };
    expect(runningTotal(rows, edits)).toEqual({ cents: 95000 + 1399 - 1250, entries: 3, linked: 0 });
    expect(decisions(rows, edits)).toEqual([
      { line: 2, action: 'skip' },
      { line: 3, action: 'add', categoryId: 'fun' },
      { line: 5, action: 'add' },
    ]);
  });

  it('writes day and month in the locale', () => {
    expect(dayMonth('2026-11-28', 'de-DE')).toBe('28.11');
    expect(dayMonth('2026-11-28', 'en-GB')).toBe('28/11');
  });
});
