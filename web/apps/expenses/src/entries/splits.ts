// Pure logic of splitting an entry across categories: the parts are edited as text and sent in cents.

export interface PartDraft { categoryId: string; amount: string }

/** "12.50", "12,5", "12" → cents; null when it is not a positive amount with at most two decimals. */
export function parseAmount(text: string): number | null {
  const t = text.trim().replace(',', '.');
  if (!/^\d{1,9}(\.\d{0,2})?$/.test(t)) return null;
  const [whole, frac = ''] = t.split('.');
  return parseInt(whole, 10) * 100 + parseInt((frac + '00').slice(0, 2), 10);
}

export function centsToText(cents: number): string {
  const abs = Math.abs(cents);
  return `${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** What is left to assign: the entry's amount minus the parts that parse (in cents, the entry's sign ignored). */
export function unassignedCents(totalCents: number, parts: PartDraft[]): number {
  return Math.abs(totalCents) - parts.reduce((s, p) => s + (parseAmount(p.amount) ?? 0), 0);
}

/** Starting a split: the current category gets everything, a second empty part is ready for the next one. */
export function startSplit(totalCents: number, categoryId: string): PartDraft[] {
  return [{ categoryId, amount: totalCents ? centsToText(totalCents) : '' }, { categoryId: '', amount: '' }];
}

/** Field errors keyed like the server's (parts, parts[i].categoryId, parts[i].amountCents); empty when valid. */
export function checkParts(totalCents: number, parts: PartDraft[]): Record<string, string> {
  const errors: Record<string, string> = {};
  parts.forEach((p, i) => {
    if (!p.categoryId) errors[`parts[${i}].categoryId`] = 'Choose a category.';
    else if (parts.slice(0, i).some((q) => q.categoryId === p.categoryId)) errors[`parts[${i}].categoryId`] = 'This category is already a part.';
    if (!parseAmount(p.amount)) errors[`parts[${i}].amountCents`] = 'Enter an amount, e.g. 12.50.';
  });
  if (parts.length < 2) errors.parts = 'A split needs at least two parts.';
  else if (!Object.keys(errors).length && unassignedCents(totalCents, parts) !== 0) {
    errors.parts = `The parts must add up to ${centsToText(totalCents)}.`;
  }
  return errors;
}

/** The parts as the server takes them, with the entry's sign (a split refund has negative parts). */
export function partsBody(totalCents: number, parts: PartDraft[]): { categoryId: string; amountCents: number }[] {
  const sign = totalCents < 0 ? -1 : 1;
  return parts.map((p) => ({ categoryId: p.categoryId, amountCents: sign * (parseAmount(p.amount) ?? 0) }));
}
