// Which dashboard to edit, and the whole-dashboard actions: create (blank or from a template), import a file,
// export (download) and delete.
import { useRef, useState } from 'react';
import { ApiError, errorMessage } from '@trackstack/api';
import { Button, Card, Notice, SelectField, TextField, useAsync, useSubmit } from '@trackstack/ui';
import type { DashboardSummary, DashboardsApi, DashboardDocument } from '../api';
import { DashboardPicker } from '../view/DashboardView';
import { t } from '../strings';

export function DashboardsCard({ api, list, selected, onSelect, readOnly, changed }: {
  api: DashboardsApi; list: DashboardSummary[]; selected: string | null; onSelect: (id: string) => void; readOnly: boolean;
  changed: (message?: string, kind?: 'success' | 'error') => void;
}) {
  const templates = useAsync((signal) => api.templates(signal), [api]);
  const [name, setName] = useState('');
  const [template, setTemplate] = useState('blank');
  const create = useSubmit(['name', 'template']);
  const actions = useSubmit([], { fallback: t.editor.couldNotImport });
  const fileRef = useRef<HTMLInputElement>(null);
  const current = list.find((d) => d.id === selected) ?? null;

  const submit = create.onSubmit(async () => {
    if (!name.trim()) return create.invalid({ name: t.editor.nameNeeded });
    const d = await api.create({ name: name.trim(), template });
    setName('');
    onSelect(d.id);
    changed(t.editor.created(d.name));
  });
  const importFile = (file: File) => actions.run(async () => {
    let document: DashboardDocument;
    try {
      document = JSON.parse(await file.text()) as DashboardDocument;
    } catch {
      actions.setFormError(t.editor.notADocument);
      return;
    }
    try {
      const d = await api.import(document);
      onSelect(d.id);
      changed(t.editor.imported(d.name));
    } catch (e) {
      // Name the field of each refusal ("widgets[2].query.metric: …"): the file is not on the screen to point at.
      const fields = e instanceof ApiError ? Object.entries(e.fieldErrors) : [];
      if (!fields.length) throw e;
      actions.setFormError(fields.map(([field, message]) => `${field}: ${message}`).join(' '));
    } finally {
      if (fileRef.current) fileRef.current.value = '';
    }
  }, 'import');
  const remove = () => {
    if (!current || !confirm(t.editor.deleteConfirm(current.name))) return;
    void actions.run(async () => {
      try {
        await api.remove(current.id);
      } catch (e) {
        if (!(e instanceof ApiError && e.status === 404)) throw e;
      }
      const next = list.find((d) => d.id !== current.id);
      onSelect(next?.id ?? '');
      changed(t.editor.deleted(current.name));
    }, 'delete');
  };
  const templateOptions = templates.data?.length
    ? templates.data.map((x) => ({ value: x.key, label: x.name }))
    : [{ value: 'blank', label: t.editor.blank }];
  return (
    <Card title={t.editor.dashboards} data-panel="dashboards">
      {readOnly ? <p className="muted" data-read-only="true">{t.editor.viewersRead}</p> : null}
      {list.length ? <DashboardPicker list={list} selected={selected} onSelect={onSelect} name="editDashboard" /> : null}
      {actions.formError ? <Notice kind="error"><p>{actions.formError}</p></Notice> : null}
      <div className="dash-actions">
        {current ? <a className="btn btn-secondary" href={api.exportUrl(current.id)} download>{t.editor.export}</a> : null}
        {current && !readOnly ? <Button variant="danger" onClick={remove} busy={actions.busyWith === 'delete'}>{t.editor.delete}</Button> : null}
      </div>
      {!readOnly ? (
        <>
          <form ref={create.formRef} onSubmit={submit} noValidate className="inline-form dash-new">
            <h3 className="subhead">{t.editor.newDashboard}</h3>
            {create.formError ? <Notice kind="error"><p>{create.formError}</p></Notice> : null}
            <div className="two">
              <TextField label={t.editor.name} name="name" value={name} maxLength={100} onChange={(e) => setName(e.target.value)} error={create.fieldErrors.name} />
              <SelectField label={t.editor.template} name="template" value={template} options={templateOptions} onChange={(e) => setTemplate(e.target.value)} error={create.fieldErrors.template} />
            </div>
            <div><Button type="submit" busy={create.busy}>{t.editor.create}</Button></div>
          </form>
          <div className="field">
            <label htmlFor="dashboard-import">{t.editor.importFile}</label>
            <input ref={fileRef} id="dashboard-import" name="import" type="file" accept=".json,application/json"
              disabled={actions.busyWith === 'import'} onChange={(e) => { const f = e.target.files?.[0]; if (f) void importFile(f); }} />
            <p className="field-hint">{t.editor.importHint}</p>
          </div>
        </>
      ) : null}
      {templates.status === 'error' ? <p className="muted">{errorMessage(templates.error, t.editor.couldNotLoad)}</p> : null}
    </Card>
  );
}
