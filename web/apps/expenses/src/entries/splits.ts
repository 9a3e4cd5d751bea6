// Pure logic of splitting an entry across categories: the parts are edited as text and sent in cents. With the
// household's locale the text is read and shown with its separators (de-DE: 1.234,56), like every money field.
import { formatMoneyInput, parseMoney } from '@trackstack/ui';
import { t } from '../strings';

export interface PartDraft { categoryId: string; amount: string }

/** "12.50", "12,5", "12" → cents; null when it is not a positive amount with at most two decimals. */
export function parseAmount(text: string, locale?: string): number | null {
  if (locale) {
    const cents = parseMoney(text, locale);
    return cents !== null && cents > 0 && cents < 100_000_000_000 ? cents : null;
  }
  const t = text.trim().replace(',', '.');
  if (!/^\d{1,9}(\.\d{0,2})?$/.test(t)) return null;
  const [whole, frac = ''] = t.split('.');
  return parseInt(whole, 10) * 100 + parseInt((frac + '00').slice(0, 2), 10);
}

export function centsToText(cents: number, locale?: string): string {
  if (locale) return formatMoneyInput(Math.abs(cents), locale);
  const abs = Math.abs(cents);
  return `${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** What is left to assign: the entry's amount minus the parts that parse (in cents, the entry's sign ignored). */
export function unassignedCents(totalCents: number, parts: PartDraft[], locale?: string): number {
  return Math.abs(totalCents) - parts.reduce((s, p) => s + (parseAmount(p.amount, locale) ?? 0), 0);
}

/** Starting a split: the current category gets everything, a second empty part is ready for the next one. */
export function startSplit(totalCents: number, categoryId: string, locale?: string): PartDraft[] {
  return [{ categoryId, amount: totalCents ? centsToText(totalCents, locale) : '' }, { categoryId: '', amount: '' }];
}

/** Field errors keyed like the server's (parts, parts[i].categoryId, parts[i].amountCents); empty when valid. */
export function checkParts(totalCents: number, parts: PartDraft[], locale?: string): Record<string, string> {
  const errors: Record<string, string> = {};
  parts.forEach((p, i) => {
    if (!p.categoryId) errors[`parts[${i}].categoryId`] = t.splits.chooseCategory;
    else if (parts.slice(0, i).some((q) => q.categoryId === p.categoryId)) errors[`parts[${i}].categoryId`] = t.splits.alreadyPart;
    if (!parseAmount(p.amount, locale)) errors[`parts[${i}].amountCents`] = t.splits.enterAmount(centsToText(1250, locale));
  });
  if (parts.length < 2) errors.parts = t.splits.twoParts;
  else if (!Object.keys(errors).length && unassignedCents(totalCents, parts, locale) !== 0) {
    errors.parts = t.splits.addUp(centsToText(totalCents, locale));
  }
  return errors;
}

/** The parts as the server takes them, with the entry's sign (a split refund has negative parts). */
export function partsBody(totalCents: number, parts: PartDraft[], locale?: string): { categoryId: string; amountCents: number }[] {
  const sign = totalCents < 0 ? -1 : 1;
  return parts.map((p) => ({ categoryId: p.categoryId, amountCents: sign * (parseAmount(p.amount, locale) ?? 0) }));
}
