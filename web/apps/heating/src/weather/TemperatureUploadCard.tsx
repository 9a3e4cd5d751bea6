import { useState } from 'react';
import { Button, Card, Notice, SelectField, useFormat, useSubmit } from '@trackstack/ui';
import type { HeatingApi, TemperatureImport } from '../api';
import { t } from '../strings';

/** A CSV of daily temperatures: checked first (what will be read, and which lines fail), then imported. */
export function TemperatureUploadCard({ api, onChanged }: { api: HeatingApi; onChanged: (m?: string) => void }) {
  const f = useFormat();
  const day = (d: string) => f.date(`${d}T12:00:00Z`);
  const [file, setFile] = useState<File | null>(null);
  const [unit, setUnit] = useState<'c' | 'f'>('c');
  const [preview, setPreview] = useState<TemperatureImport | null>(null);
  const s = useSubmit([], { fallback: t.temperatureUploadCard.uploadFailed });
  const run = (dryRun: boolean) => {
    if (!file) return;
    void s.run(async () => {
      const r = await api.importTemperatures(file, dryRun, unit);
      if (dryRun) setPreview(r);
      else { setPreview(null); onChanged(t.temperatureUploadCard.temperaturesImportedNew(r.inserted, r.updated)); }
    }, dryRun ? 'preview' : 'import');
  };
  return (
    <Card title={t.temperatureUploadCard.uploadTemperatures} data-panel="temperatures">
      <p className="muted">{t.temperatureUploadCard.csvWithDate}</p>
      <div className="field">
        <label htmlFor="temp-file">{t.temperatureUploadCard.csvFile}</label>
        <input id="temp-file" type="file" accept=".csv,.txt" onChange={(e) => { setFile(e.target.files?.[0] ?? null); setPreview(null); }} />
      </div>
      <SelectField label={t.temperatureUploadCard.temperaturesAre} value={unit} onChange={(e) => setUnit(e.target.value as 'c' | 'f')} options={[{ value: 'c', label: '°C' }, { value: 'f', label: '°F' }]} />
      {s.formError ? <Notice kind="error"><p>{s.formError}</p></Notice> : null}
      <Button onClick={() => run(true)} busy={s.busyWith === 'preview'} disabled={!file}>{t.temperatureUploadCard.checkFile}</Button>
      {preview ? (
        <div className="temp-preview" data-valid={preview.valid} data-errors={preview.errorCount}>
          <p><strong>{preview.valid}</strong>{t.temperatureUploadCard.validDays}{preview.from ? t.temperatureUploadCard.from(day(preview.from), day(preview.to ?? preview.from)) : ''}, <strong>{preview.errorCount}</strong>{t.temperatureUploadCard.linesWithErrors(preview.dateColumn)}{preview.meanColumn ? t.temperatureUploadCard.mean(preview.meanColumn) : t.temperatureUploadCard.minMax(preview.minColumn, preview.maxColumn)}.</p>
          <Overlap preview={preview} />
          {preview.errors.length ? <ul className="errors">{preview.errors.slice(0, 10).map((e) => <li key={e.line}>{t.temperatureUploadCard.line(e.line, e.message)}</li>)}</ul> : null}
          <Button onClick={() => run(false)} busy={s.busyWith === 'import'} disabled={!preview.valid}>{t.temperatureUploadCard.importDays(preview.valid)}</Button>
        </div>
      ) : null}
    </Card>
  );
}

/** Whether the file's days fall where the analysis can use them (from the first refill to today): said before importing. */
function Overlap({ preview }: { preview: TemperatureImport }) {
  const f = useFormat();
  const day = (d: string) => f.date(`${d}T12:00:00Z`);
  if (!preview.refillsFrom) return <Notice kind="warning"><p data-overlap="no-refills">{t.upload.overlapNoRefills}</p></Notice>;
  if (preview.overlapDays === 0) return <Notice kind="warning"><p data-overlap="none">{t.upload.overlapNone(day(preview.refillsFrom), day(preview.refillsTo ?? preview.refillsFrom))}</p></Notice>;
  return <p data-overlap={preview.overlapDays}>{t.upload.overlapSome(f.number(preview.overlapDays), day(preview.refillsFrom))}</p>;
}
