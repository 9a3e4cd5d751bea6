// Import AWS costs (admins): a Cost and Usage Report or Cost Explorer CSV into infra.cost, and what was stored.
import { useState } from 'react';
import { Button, Card, Notice, useFormat, useSubmit } from '@trackstack/ui';
import type { AwsCostImport, DashboardsApi } from '../api';
import { t } from '../strings';

export function AwsCostsCard({ api, onChanged }: { api: DashboardsApi; onChanged: () => void }) {
  const f = useFormat();
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<AwsCostImport | null>(null);
  const s = useSubmit([], { fallback: t.awsCosts.failed });
  const day = (d: string) => f.date(`${d}T12:00:00Z`);
  const run = () => {
    if (!file) return;
    void s.run(async () => {
      setResult(await api.importAwsCosts(file));
      onChanged();
    });
  };
  return (
    <Card title={t.awsCosts.title} data-panel="aws-costs">
      <p className="muted">{t.awsCosts.intro}</p>
      <div className="field">
        <label htmlFor="aws-costs-file">{t.awsCosts.file}</label>
        <input id="aws-costs-file" type="file" accept=".csv,.txt" onChange={(e) => { setFile(e.target.files?.[0] ?? null); setResult(null); }} />
      </div>
      {s.formError ? <Notice kind="error"><p>{s.formError}</p></Notice> : null}
      <div><Button onClick={run} busy={s.busy} disabled={!file}>{t.awsCosts.upload}</Button></div>
      {result ? (
        <p data-imported-days={result.days} data-imported-total={result.total}>
          {t.awsCosts.imported(result.days, result.services, `${f.number(result.total, { maximumFractionDigits: 2 })} ${result.currency}`, day(result.from), day(result.to))}
        </p>
      ) : null}
    </Card>
  );
}
