// The Heating screens' words (English). Figures come in formatted in the household's locale; counts use the UI
// language's plural rules (@trackstack/ui strings). See docs/translating.md.
export const en = {
  period: {
    title: 'Analysis period', legend: 'Analyse', all: 'All refills', season: 'This heating season', year: 'Last 12 months', custom: 'Custom dates',
    from: 'From', to: 'To', apply: 'Show this period', invalid: 'Pick a start on or before the end.',
    showing: (from: string, to: string) => `Showing ${from} – ${to}.`,
    showingAll: 'Showing every refill interval.',
  },
  charts: {
    title: 'Charts', none: 'No charts without the analysis.', perMonth: 'Use per month, this season against last',
    barsTitle: (unit: string) => `${unit} per month, this season against last season`, noMonths: 'No months yet.',
    signature: 'Use against the cold, per refill interval',
    signatureTitle: 'kWh per day against degree days per day, one dot per refill interval, with the fitted line',
    noDots: 'Dots appear once refill intervals have a temperature for every day (upload temperatures or switch on the weather).',
    tableCaption: 'Each month this season: use, mean temperature and cost',
    month: 'Month', use: 'Use', meanTemp: 'Mean temperature', cost: 'Cost',
    costNote: (price: string, unit: string) => `Cost is the use at the average price paid, ${price} per ${unit}.`,
    noPrices: 'Add prices to your purchases to see the cost per month.',
  },
  upload: {
    overlapNone: (from: string, to: string) =>
      `None of these days fall between your first refill (${from}) and today (${to}): the analysis will not use them. Check the file's years.`,
    overlapNoRefills: 'No refills are recorded yet, so none of these days can be used until you log refills in the same period.',
    overlapSome: (days: string, from: string) => `${days} of them fall in your refill periods (from ${from}).`,
  },
};

export type HeatingStrings = typeof en;

/** The strings in use: one language for now. */
export const t: HeatingStrings = en;
