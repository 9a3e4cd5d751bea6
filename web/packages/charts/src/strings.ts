// The charts' words (English): the screen readers' table and summary. See docs/translating.md.
export const en = {
  time: 'Time',
  target: 'Target',
  noData: 'No data in this range.',
  /** "Spent: 12 values, total 1,234, from 3 to 240, last 12." */
  seriesSummary: (name: string, count: string, total: string, min: string, max: string, last: string) =>
    `${name}: ${count} values, total ${total}, from ${min} to ${max}, last ${last}.`,
  targetSummary: (target: string) => `Target ${target}.`,
  /** The cursor's read-out: "30 Nov 2026: Spent 12.50". */
  readout: (time: string, values: string) => `${time}: ${values}`,
  dataTable: (title: string) => `${title}, data`,
  /** The name of a series without a group. */
  value: 'Value',
  stackedTotal: 'Total',
};

export type ChartStrings = typeof en;

/** The strings in use: one language for now. */
export const t: ChartStrings = en;
