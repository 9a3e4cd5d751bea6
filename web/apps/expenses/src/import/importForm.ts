// The bank import's multipart form: the file, plus only the CSV options that were set.

export const OPTION_FIELDS = ['delimiter', 'decimalSeparator', 'encoding', 'dateFormat', 'skipLines', 'dateColumn', 'amountColumn', 'debitColumn', 'creditColumn', 'payeeColumn', 'memoColumn'] as const;
export type ImportOptions = Record<(typeof OPTION_FIELDS)[number], string> & { expensesArePositive: boolean; includeCredits: boolean };
export const NO_OPTIONS: ImportOptions = {
  delimiter: '', decimalSeparator: '', encoding: '', dateFormat: '', skipLines: '', dateColumn: '', amountColumn: '', debitColumn: '', creditColumn: '', payeeColumn: '', memoColumn: '',
  expensesArePositive: false, includeCredits: false,
};

/** The preview's edits go as one JSON field; none means the proposals apply as they are. */
export function importForm(file: Blob, fileName: string, o: ImportOptions, dryRun: boolean, decisions: readonly object[] = []): FormData {
  const form = new FormData();
  form.append('file', file, fileName);
  for (const k of OPTION_FIELDS) if (o[k].trim()) form.append(k, o[k].trim());
  if (o.expensesArePositive) form.append('expensesArePositive', 'true');
  if (o.includeCredits) form.append('includeCredits', 'true');
  if (dryRun) form.append('dryRun', 'true');
  if (decisions.length) form.append('decisions', JSON.stringify(decisions));
  return form;
}
