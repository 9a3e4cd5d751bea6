// The editor tab: the dashboard's name and its widgets (add, change with a live preview, reorder, remove), saved
// together. A save that meets another member's newer save (409) says so and offers to reload.
import { useEffect, useMemo, useRef, useState } from 'react';
import { ApiError, errorMessage } from '@trackstack/api';
import { Button, Card, Notice, TextField, useAsync, useSubmit } from '@trackstack/ui';
import type { DashboardSummary, DashboardsApi } from '../api';
import { DashboardsCard } from './DashboardsCard';
import { WidgetForm } from './WidgetForm';
import { draftOf, move, newWidget, widgetBodies, widgetIndexOf, type Draft, type DraftWidget } from './draft';
import { t } from '../strings';

const MAX_WIDGETS = 50;

export function EditorPanel({ api, list, selected, onSelect, readOnly, today, version, changed }: {
  api: DashboardsApi; list: DashboardSummary[]; selected: string | null; onSelect: (id: string) => void; readOnly: boolean; today: string; version: number;
  changed: (message?: string, kind?: 'success' | 'error') => void;
}) {
  const [reloads, setReloads] = useState(0);
  const loaded = useAsync((signal) => selected ? api.get(selected, signal) : Promise.resolve(null), [api, selected, version, reloads]);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [stored, setStored] = useState<string>('');
  const [editing, setEditing] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const [widgetErrors, setWidgetErrors] = useState<Record<string, string>>({});
  const s = useSubmit(['name', 'description'], { fallback: t.editor.couldNotSave });

  // A reload the user did not ask for (back online, another tab's change) keeps unsaved work on the same dashboard.
  const keep = useRef({ id: null as string | null, dirty: false, reloads: 0 });
  useEffect(() => {
    if (loaded.status !== 'ready') return;
    const k = keep.current;
    if (k.dirty && k.id === (loaded.data?.id ?? null) && k.reloads === reloads) return;
    k.reloads = reloads;
    k.id = loaded.data?.id ?? null;
    const d = loaded.data ? draftOf(loaded.data) : null;
    setDraft(d);
    setStored(d ? JSON.stringify(d) : '');
    setEditing(null);
    setConflict(false);
    setWidgetErrors({});
  }, [loaded.status, loaded.data]);

  const dirty = useMemo(() => draft !== null && JSON.stringify(draft) !== stored, [draft, stored]);
  keep.current.dirty = dirty;
  const setWidgets = (widgets: DraftWidget[]) => setDraft((d) => d && { ...d, widgets });
  const add = () => {
    if (!draft || draft.widgets.length >= MAX_WIDGETS) return;
    const w = newWidget(t.editor.newWidgetTitle, draft.widgets[draft.widgets.length - 1]?.query.metric ?? '');
    setWidgets([...draft.widgets, w]);
    setEditing(w.key);
  };
  const save = s.onSubmit(async () => {
    if (!draft || !selected) return;
    setConflict(false);
    setWidgetErrors({});
    const bad = draft.widgets.findIndex((w) => !w.title.trim() || !w.query.metric.trim() || (w.kind === 'progress' && (w.target === null || w.target === undefined)));
    if (bad >= 0) {
      const w = draft.widgets[bad];
      setEditing(w.key);
      setWidgetErrors(!w.title.trim() ? { title: t.widgetForm.titleNeeded } : !w.query.metric.trim() ? { metric: t.widgetForm.metricNeeded } : { target: t.widgetForm.targetNeeded });
      return;
    }
    try {
      const saved = await api.save(selected, { name: draft.name.trim(), description: draft.description.trim() || null, widgets: widgetBodies(draft.widgets), version: draft.version });
      const d = draftOf(saved);
      keep.current.dirty = false;
      setDraft(d);
      setStored(JSON.stringify(d));
      setEditing(null);
      changed(t.editor.saved);
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        setConflict(true);
        return;
      }
      // A widget's field error ("widgets[2].query.metric") opens that widget with the message on its field.
      if (e instanceof ApiError) {
        const entry = Object.entries(e.fieldErrors).find(([field]) => widgetIndexOf(field) !== null);
        if (entry) {
          const w = draft.widgets[widgetIndexOf(entry[0])!];
          if (w) {
            setEditing(w.key);
            setWidgetErrors({ [entry[0].split('.').pop()!]: entry[1] });
            return;
          }
        }
      }
      throw e;
    }
  });

  return (
    <>
      <DashboardsCard api={api} list={list} selected={selected} onSelect={onSelect} readOnly={readOnly} changed={changed} />
      {!selected ? null : loaded.status === 'error' ? (
        <Notice kind="error"><p>{errorMessage(loaded.error, t.editor.couldNotLoad)}</p><Button variant="secondary" onClick={loaded.reload}>{t.view.retry}</Button></Notice>
      ) : !draft ? null : (
        <form ref={s.formRef} onSubmit={save} noValidate className="dash-editor wide" data-panel="editor" data-dirty={dirty ? 'true' : 'false'}>
          <fieldset disabled={readOnly} className="read-only-fields">
            <Card title={t.editor.nameAndWidgets}>
              <div className="two">
                <TextField label={t.editor.name} name="name" value={draft.name} maxLength={100} error={s.fieldErrors.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
                <TextField label={t.editor.description} name="description" value={draft.description} error={s.fieldErrors.description} onChange={(e) => setDraft({ ...draft, description: e.target.value })} />
              </div>
              <h3 className="subhead">{t.editor.widgets}</h3>
              {draft.widgets.length === 0 ? <p className="muted">{t.editor.noWidgets}</p> : (
                <ol className="list widget-list">
                  {draft.widgets.map((w, i) => (
                    <li key={w.key} data-widget-key={w.key} className={editing === w.key ? 'edit-row' : undefined}>
                      <div className="grow">
                        <div className="title">{w.title || t.editor.newWidgetTitle}</div>
                        <div className="sub">{t.editor.widgetLine(t.kinds[w.kind] ?? w.kind, w.query.metric, String(w.width))}</div>
                      </div>
                      <div className="row-actions">
                        <Button variant="ghost" aria-label={t.editor.moveUp(w.title)} disabled={i === 0} onClick={() => setWidgets(move(draft.widgets, i, -1))}>{t.editor.up}</Button>
                        <Button variant="ghost" aria-label={t.editor.moveDown(w.title)} disabled={i === draft.widgets.length - 1} onClick={() => setWidgets(move(draft.widgets, i, 1))}>{t.editor.down}</Button>
                        <Button variant="ghost" aria-label={t.editor.editWidget(w.title)} aria-expanded={editing === w.key} onClick={() => { setWidgetErrors({}); setEditing(editing === w.key ? null : w.key); }}>{t.editor.edit}</Button>
                        <Button variant="ghost" aria-label={t.editor.removeWidget(w.title)} onClick={() => { setWidgets(draft.widgets.filter((x) => x.key !== w.key)); if (editing === w.key) setEditing(null); }}>{t.editor.remove}</Button>
                      </div>
                      {editing === w.key ? (
                        <WidgetForm api={api} widget={w} today={today} errors={widgetErrors}
                          onChange={(next) => setWidgets(draft.widgets.map((x) => (x.key === w.key ? next : x)))} onDone={() => setEditing(null)} />
                      ) : null}
                    </li>
                  ))}
                </ol>
              )}
              {draft.widgets.length >= MAX_WIDGETS ? <p className="muted">{t.editor.maxWidgets}</p> : null}
              <div><Button variant="secondary" onClick={add} disabled={draft.widgets.length >= MAX_WIDGETS}>{t.editor.addWidget}</Button></div>
            </Card>
          </fieldset>
          {conflict ? (
            <Notice kind="warning">
              <p data-conflict="true">{t.editor.conflict}</p>
              <Button variant="secondary" onClick={() => setReloads((n) => n + 1)}>{t.editor.reload}</Button>
            </Notice>
          ) : null}
          {s.formError ? <Notice kind="error"><p>{s.formError}</p></Notice> : null}
          {!readOnly ? (
            <div className="save-bar">
              <Button type="submit" busy={s.busy}>{t.editor.save}</Button>
              {dirty ? <span className="muted">{t.editor.unsaved}</span> : null}
            </div>
          ) : null}
        </form>
      )}
    </>
  );
}
