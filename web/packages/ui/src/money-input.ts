// Money typed into a form and shown back in it, with the household's decimal and grouping separators:
// a de-DE household types and sees "3.800,00", an en-US one "3,800.00". The API carries whole cents.
import { useCallback, useEffect, useState } from 'react';
import { useFormat } from './components';

interface Separators { decimal: string; group: string }

const separatorCache = new Map<string, Separators>();

/** The locale's decimal and grouping characters, from Intl (e.g. de-DE → "," and "."; fr-FR → "," and a narrow space). */
export function separatorsOf(locale: string): Separators {
  let s = separatorCache.get(locale);
  if (!s) {
    let parts: Intl.NumberFormatPart[];
    try {
      parts = new Intl.NumberFormat(locale).formatToParts(12345.6);
    } catch {
      parts = new Intl.NumberFormat('en-GB').formatToParts(12345.6);
    }
    s = { decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.', group: parts.find((p) => p.type === 'group')?.value ?? ',' };
    separatorCache.set(locale, s);
  }
  return s;
}

const SPACES = /[\s\u00a0\u202f]/g; // replace() only: a global regex keeps state in test()

/**
 * Typed money in the household's locale → cents; null when it is not an amount.
 * "3.800,00" is 380000 in de-DE and "3,800.00" in en-US. Lenient where it cannot be misread: "12.5" in de-DE has
 * no valid thousands group, so the dot is taken as the decimal mark; a currency sign or code around the number is ignored.
 */
export function parseMoney(text: string, locale: string): number | null {
  const { decimal, group } = separatorsOf(locale);
  let t = text.replace(SPACES, '').replace(/^[^\d.,'\-]+|[^\d.,']+$/g, '');
  if (!t) return null;
  const negative = t.startsWith('-');
  if (negative) t = t.slice(1);
  let whole = t, frac = '';
  const at = t.lastIndexOf(decimal);
  if (at >= 0) {
    whole = t.slice(0, at);
    frac = t.slice(at + 1);
  } else {
    // No decimal mark of the locale: the other mark is a decimal mark only when it cannot be a thousands group.
    const other = decimal === ',' ? '.' : ',';
    const o = t.lastIndexOf(other);
    if (o >= 0 && t.indexOf(other) === o && t.length - o - 1 !== 3) {
      whole = t.slice(0, o);
      frac = t.slice(o + 1);
    }
  }
  if (whole.includes(decimal)) return null;
  // Grouping must be in threes ("3.800", "1.234.567"); "3.80" is not a grouped number.
  // Spaces (fr-FR's group) are gone already; the locale's group, an apostrophe (de-CH) or the other mark may group.
  const marks = new Set([group, "'", decimal === ',' ? '.' : ',']);
  const groups = whole.split(new RegExp(`[${[...marks].filter((c) => !/\s/.test(c)).map((c) => `\\${c}`).join('')}]`));
  if (groups.length > 1 && (groups[0] === '' || groups.slice(1).some((g) => g.length !== 3))) return null;
  whole = groups.join('');
  if (!/^\d*$/.test(whole) || !/^\d{0,2}$/.test(frac) || (whole === '' && frac === '')) return null;
  const cents = Number(whole || '0') * 100 + Number((frac + '00').slice(0, 2));
  if (!Number.isSafeInteger(cents)) return null;
  return negative ? -cents : cents;
}

/** Cents → what a money field shows, in the locale: 380000 → "3.800,00" (de-DE); empty for none. */
export function formatMoneyInput(cents: number | null | undefined, locale: string): string {
  if (cents === null || cents === undefined) return '';
  try {
    return new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(cents / 100);
  } catch {
    return (cents / 100).toFixed(2);
  }
}

/** A money field's text in the household's locale: starts from cents, re-shows a valid amount in the locale on blur. */
export function useMoneyInput(cents: number | null | undefined, options: { emptyForZero?: boolean } = {}) {
  const f = useFormat();
  const locale = f.ctx.locale;
  const initial = options.emptyForZero && !cents ? '' : formatMoneyInput(cents, locale);
  const [value, setValue] = useState(initial);
  useEffect(() => setValue(initial), [initial]);
  const onBlur = useCallback(() => setValue((v) => {
    const c = parseMoney(v, locale);
    return c === null ? v : formatMoneyInput(c, locale);
  }), [locale]);
  return {
    value, setValue, onBlur,
    /** The typed amount in cents; null when empty or not an amount. */
    cents: () => parseMoney(value, locale),
    /** An example in the household's format, for hints and errors ("3.000,00"). */
    example: formatMoneyInput(300000, locale),
  };
}
