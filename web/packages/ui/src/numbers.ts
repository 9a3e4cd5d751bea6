// Numbers typed into forms, and amounts in cents (how the API carries money) back into form fields.

/** A typed decimal ("12,5", " 7 ", "0.25") → a number; null when empty or not a number. */
export function parseDecimal(text: string): number | null {
  const t = text.trim().replace(',', '.');
  if (!t) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/** Typed money ("12,5", "1.234,56", "12.50", "€ 3") → cents, or null when it is not an amount. */
export function parseAmountToCents(text: string): number | null {
  let t = text.replace(/[\s\u00a0\u202f€$£]|CHF/g, '');
  if (!t) return null;
  const negative = t.startsWith('-');
  if (negative) t = t.slice(1);
  const lastSep = Math.max(t.lastIndexOf(','), t.lastIndexOf('.'));
  let whole = t, frac = '';
  if (lastSep >= 0 && t.length - lastSep - 1 <= 2) {
    whole = t.slice(0, lastSep);
    frac = t.slice(lastSep + 1);
  }
  whole = whole.replace(/[.,']/g, '');
  if (!/^\d*$/.test(whole) || !/^\d*$/.test(frac) || (whole === '' && frac === '')) return null;
  const cents = parseInt(whole || '0', 10) * 100 + parseInt((frac + '00').slice(0, 2), 10);
  return negative ? -cents : cents;
}

/** Cents → what a money field starts with ("12.50"); empty for none or zero. */
export function centsToInput(cents: number | null | undefined): string {
  return cents ? (cents / 100).toFixed(2) : '';
}
