import { useState } from 'react';
import { Button, Card, Notice, useFormat, useSubmit } from '@trackstack/ui';
import type { ImportAnswer, TrainingApi } from '../api';
import { AddExercise } from '../exercises/AddExercise';
import { t } from '../strings';

/** A Strong or Hevy export into one's own log: a dry run first (counts, duplicates, the names nobody knows), each
 * unknown name mapped to an existing exercise or left to be created, then the import. */
export function ImportPanel({ api, readOnly, onChanged }: { api: TrainingApi; readOnly: boolean; onChanged: (m?: string) => void }) {
  const f = useFormat();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportAnswer | null>(null);
  const [mapped, setMapped] = useState<Record<string, { id: string; name: string }>>({});
  const [done, setDone] = useState<ImportAnswer | null>(null);
  const s = useSubmit(['file', 'mappings'], { fallback: t.importPanel.couldNotImport });
  if (readOnly) return <Card title={t.importPanel.title}><Notice kind="info"><p>{t.importPanel.viewersCannot}</p></Notice></Card>;

  const runPreview = s.onSubmit(async () => {
    if (!file) return s.invalid({ file: t.importPanel.chooseFile });
    setDone(null);
    setMapped({});
    setPreview(await api.importFile(file, true, {}));
  });
  const commit = () => s.run(async () => {
    if (!file) return;
    const answer = await api.importFile(file, false, Object.fromEntries(Object.entries(mapped).map(([name, e]) => [name, e.id])));
    setPreview(null);
    setDone(answer);
    onChanged(t.importPanel.imported(answer.workouts, f.number(answer.workouts), f.number(answer.duplicates)));
  }, 'commit');
  const n = (x: number) => f.number(x);

  return (
    <Card title={t.importPanel.title} data-panel="import" data-state={done ? 'done' : preview ? 'preview' : 'start'}>
      <form ref={s.formRef} noValidate onSubmit={runPreview}>
        <div className={['field', s.fieldErrors.file ? 'field-invalid' : ''].join(' ').trim()}>
          <label htmlFor="training-import-file">{t.importPanel.file}</label>
          <input id="training-import-file" name="file" type="file" accept=".csv,text/csv" aria-invalid={s.fieldErrors.file ? true : undefined}
            onChange={(e) => { setFile(e.target.files?.[0] ?? null); setPreview(null); setDone(null); }} />
          {s.fieldErrors.file ? <p className="field-error">{s.fieldErrors.file}</p> : null}
          <p className="field-hint">{t.importPanel.hint}</p>
        </div>
        <Button type="submit" variant={preview ? 'secondary' : 'primary'} busy={s.busyWith === 'submit'}>{t.importPanel.preview}</Button>
      </form>
      {preview ? (
        <div data-import-preview>
          <p data-counts={`${preview.workouts}/${preview.sets}/${preview.exercises}/${preview.duplicates}`}>
            {t.importPanel.counts(preview.format, preview.workouts, n(preview.workouts), n(preview.sets), n(preview.exercises), n(preview.duplicates))}
          </p>
          {preview.skippedRows > 0 ? <p className="muted">{t.importPanel.skipped(n(preview.skippedRows))}</p> : null}
          {preview.errors.length > 0 ? <Notice kind="warning"><ul>{preview.errors.slice(0, 10).map((e) => <li key={e}>{e}</li>)}</ul></Notice> : null}
          {preview.newExercises.length > 0 ? (
            <>
              <h3>{t.importPanel.unknownTitle}</h3>
              <p className="muted">{t.importPanel.unknownHint}</p>
              <ul className="list">
                {preview.newExercises.map((name) => (
                  <li key={name} data-unknown-exercise={name}>
                    <span className="grow">
                      <span className="title">{name}</span>
                      <span className="sub"> {mapped[name] ? t.importPanel.mapsTo(mapped[name].name) : t.importPanel.willCreate}</span>
                    </span>
                    {mapped[name]
                      ? <Button variant="ghost" onClick={() => { const { [name]: _, ...rest } = mapped; setMapped(rest); }}>{t.importPanel.createInstead}</Button>
                      : <AddExercise api={api} label={t.importPanel.mapTo} ariaLabel={t.importPanel.mapNamed(name)} onAdd={(e) => setMapped({ ...mapped, [name]: e })} />}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {preview.workouts > 0
            ? <Button busy={s.busyWith === 'commit'} onClick={commit}>{t.importPanel.importN(preview.workouts, n(preview.workouts))}</Button>
            : <p>{t.importPanel.nothingNew}</p>}
        </div>
      ) : null}
      {done ? <Notice kind="success"><p data-imported={done.workouts}>{t.importPanel.imported(done.workouts, n(done.workouts), n(done.duplicates))}</p></Notice> : null}
      {s.formError ? <Notice kind="error"><p>{s.formError}</p></Notice> : null}
    </Card>
  );
}
