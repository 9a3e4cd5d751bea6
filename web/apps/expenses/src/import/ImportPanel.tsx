import { useEffect, useRef, useState } from 'react';
import { Button, Card, Notice, useSubmit } from '@trackstack/ui';
import type { ExpensesApi, ImportResult, Settings } from '../api';
import { ExportLinks } from '../ExportLinks';
import { CsvOptions } from './CsvOptions';
import { ImportCounts, ImportPreview } from './ImportPreview';
import { ImportHistory } from './ImportHistory';
import { NO_OPTIONS, OPTION_FIELDS, importForm, type ImportOptions } from './importForm';
import type { Decision } from './previewEdits';
import { t } from '../strings';

/** The import tab: pick a bank statement, preview every line with its status, then import; earlier imports below. */
export function ImportPanel({ api, month, settings, onChanged }: { api: ExpensesApi; month: string; settings: Settings | null; onChanged: (m?: string) => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [options, setOptions] = useState<ImportOptions>(NO_OPTIONS);
  const [preview, setPreview] = useState<ImportResult | null>(null);
  const [done, setDone] = useState<ImportResult | null>(null);
  const [historyVersion, setHistoryVersion] = useState(0);
  const s = useSubmit(['file', ...OPTION_FIELDS], { fallback: t.importPanel.importFailed });
  const previewRef = useRef<HTMLDivElement>(null);
  useEffect(() => { if (preview) previewRef.current?.scrollIntoView?.({ block: 'start' }); }, [preview]);

  const changeOptions = (o: ImportOptions) => { setOptions(o); setPreview(null); };
  const run = (dryRun: boolean, decisions: Decision[] = []) => s.run(async () => {
    if (!file) return s.invalid({ file: t.importPanel.chooseBankStatement });
    const r = await api.import(importForm(file, file.name, options, dryRun, decisions));
    if (dryRun) { setPreview(r); setDone(null); return; }
    setDone(r);
    setPreview(null);
    setHistoryVersion((v) => v + 1);
    onChanged();
  }, dryRun ? 'preview' : 'commit');

  return (
    <>
      <Card title={t.importPanel.importBankStatement} data-panel="import">
        <p className="muted">{t.importPanel.ofxQifCamt}</p>
        <form ref={s.formRef} noValidate onSubmit={(e) => { e.preventDefault(); void run(true); }}>
          <div className={['field', s.fieldErrors.file ? 'field-invalid' : ''].join(' ')}>
            <label htmlFor="import-file">{t.importPanel.statementFile}</label>
            <input id="import-file" name="file" type="file" accept=".csv,.ofx,.qfx,.qif,.xml,.txt" aria-invalid={s.fieldErrors.file ? true : undefined}
              aria-describedby={s.fieldErrors.file ? 'import-file-error' : undefined}
              onChange={(e) => { setFile(e.target.files?.[0] ?? null); setPreview(null); setDone(null); }} />
            {s.fieldErrors.file ? <p className="field-error" id="import-file-error">{s.fieldErrors.file}</p> : null}
          </div>
          <CsvOptions options={options} errors={s.fieldErrors} onChange={changeOptions} />
          {s.formError ? <Notice kind="error"><p>{s.formError}</p></Notice> : null}
          <div className="btn-row">
            <Button type="submit" busy={s.busyWith === 'preview'} disabled={!file}>{t.importPanel.preview}</Button>
          </div>
        </form>
        <ExportLinks api={api} month={month} label={t.importPanel.export(month)} />
      </Card>
      <div ref={previewRef} className="anchor" />
      {preview ? <ImportPreview preview={preview} settings={settings} busy={s.busyWith === 'commit'} onImport={(decisions) => void run(false, decisions)} onCancel={() => setPreview(null)} /> : null}
      {done ? <Notice kind="success"><p><strong>{t.importPanel.imported}</strong></p><ImportCounts r={done} /></Notice> : null}
      <ImportHistory api={api} version={historyVersion}
        onUndone={() => { setDone(null); setHistoryVersion((v) => v + 1); onChanged(t.importPanel.importUndoneIts); }} />
    </>
  );
}
