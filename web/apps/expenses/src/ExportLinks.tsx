import type { ExpensesApi } from './api';
import { t } from './strings';

/** CSV and JSON downloads of one month's entries. */
export function ExportLinks({ api, month, label }: { api: ExpensesApi; month: string; label: string }) {
  return <p className="export-links">{label}: <a href={api.exportUrl('csv', month)} download>{t.exportLinks.csv}</a> · <a href={api.exportUrl('json', month)} download>{t.exportLinks.json}</a></p>;
}
