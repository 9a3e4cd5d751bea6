import type { ExpensesApi } from './api';

/** CSV and JSON downloads of one month's entries. */
export function ExportLinks({ api, month, label }: { api: ExpensesApi; month: string; label: string }) {
  return <p className="export-links">{label}: <a href={api.exportUrl('csv', month)} download>CSV</a> · <a href={api.exportUrl('json', month)} download>JSON</a></p>;
}
