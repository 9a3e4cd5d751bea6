// The UI's words in one place. The UI speaks one language (English now); numbers, dates and money follow the
// household's locale (format.ts). To add a translation, see docs/translating.md.

/** The language of the UI's sentences: month names, plural rules and ordinals inside them come from it. */
export const UI_LANGUAGE = 'en';

const pluralRules = new Map<string, Intl.PluralRules>();
function rules(type: Intl.PluralRuleType): Intl.PluralRules {
  let r = pluralRules.get(type);
  if (!r) pluralRules.set(type, (r = new Intl.PluralRules(UI_LANGUAGE, { type })));
  return r;
}

/** The word for a count by the UI language's plural rules: plural(1, units.bag) → "bag", plural(66, units.bag) → "bags". */
export function plural(count: number, forms: PluralForms): string {
  const category = rules('cardinal').select(count) as keyof PluralForms;
  return forms[category] ?? forms.other;
}

/** "66 bags": the number in the household's locale, the word by the UI language's plural rules. */
export function countOf(count: number, forms: PluralForms, locale: string, options: Intl.NumberFormatOptions = {}): string {
  return `${new Intl.NumberFormat(safeLocale(locale), { maximumFractionDigits: 2, ...options }).format(count)} ${plural(count, forms)}`;
}

/** 1 → "1st", 22 → "22nd" (English ordinals, by Intl.PluralRules' ordinal categories). */
export function ordinal(n: number): string {
  const suffix: Record<string, string> = { one: 'st', two: 'nd', few: 'rd', other: 'th' };
  return `${n}${suffix[rules('ordinal').select(n)] ?? 'th'}`;
}

/** "2026-11" → "November 2026": month names are words of the UI language, not of the household's locale. */
export function uiMonthLabel(key: string, options: { year?: boolean } = {}): string {
  const [y, m] = key.split('-').map(Number);
  if (!y || !m) return key;
  return new Intl.DateTimeFormat(UI_LANGUAGE, { month: 'long', ...(options.year === false ? {} : { year: 'numeric' }), timeZone: 'UTC' })
    .format(new Date(Date.UTC(y, m - 1, 15)));
}

/** "2026-11" → "Nov" (chart axes). */
export function uiMonthShort(key: string): string {
  const [y, m] = key.split('-').map(Number);
  if (!y || !m) return key;
  return new Intl.DateTimeFormat(UI_LANGUAGE, { month: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 15)));
}

function safeLocale(locale: string): string {
  try {
    return Intl.NumberFormat.supportedLocalesOf([locale]).length ? locale : 'en-GB';
  } catch {
    return 'en-GB';
  }
}

export interface PluralForms { one: string; other: string; two?: string; few?: string; many?: string; zero?: string }

/** Units counted in sentences ("66 bags", "1 day"). */
export const units = {
  day: { one: 'day', other: 'days' },
  month: { one: 'month', other: 'months' },
  bag: { one: 'bag', other: 'bags' },
  litre: { one: 'litre', other: 'litres' },
  kg: { one: 'kg', other: 'kg' },
  kwh: { one: 'kWh', other: 'kWh' },
  m3: { one: 'm³', other: 'm³' },
  refill: { one: 'refill', other: 'refills' },
  reading: { one: 'reading', other: 'readings' },
  item: { one: 'item', other: 'items' },
  entry: { one: 'entry', other: 'entries' },
  line: { one: 'line', other: 'lines' },
  stere: { one: 'stere', other: 'steres' },
  unit: { one: 'unit', other: 'units' },
} satisfies Record<string, PluralForms>;

/** Heating's stock units (the API's unit codes) as countable words. */
export function unitForms(unit: string): PluralForms {
  switch (unit) {
    case 'bag': case 'bags': return units.bag;
    case 'litre': case 'litres': case 'l': return units.litre;
    case 'kg': return units.kg;
    case 'kwh': case 'kWh': return units.kwh;
    case 'stere': return units.stere;
    case 'm3': return units.m3;
    default: return units.unit;
  }
}

/** The shared components' words (English). */
const en = {
  /** A tank's state in words, by its colour band. */
  bands: { green: 'on track', yellow: 'running low', red: 'almost empty or over', neutral: 'no budget' },
  submit: { fallback: 'Something went wrong. Try again.' },
  homeCardProblem: { tryAgain: 'Try again' },
  moduleScreen: {
    sections: (title: string) => `${title} sections`,
    moduleNotAvailable: (title: string) => `The ${title} module is not available on this server.`,
    serverYouAre: 'The server you are using does not run it (yet). Ask its operator, or check back after an update.',
  },
  offlineReads: {
    refreshesByItself: ' It refreshes by itself when the connection is back.',
    offlineShowingWhat: (asOf: string) => `Offline: showing what this device last loaded, as of ${asOf}.`,
  },
  components: {
    /** A tank bar's text alternative: "Food: 120 € left of 400 € (on track)". */
    left: (label: string, remaining: string, budget: string, band: string) => `${label}: ${remaining} left of ${budget} (${band})`,
  },
  readOnly: {
    onlyOwnersAdmins: 'Only owners and admins can change this.',
  },
};

/** The shared components' words: buttons, notices, the module screen and the home card's problems. */
export type UiStrings = typeof en;

/** The strings in use: one language for now (see docs/translating.md). */
export const ui: UiStrings = en;
