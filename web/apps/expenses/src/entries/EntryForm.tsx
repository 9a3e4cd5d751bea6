import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { newClientId } from '@trackstack/api';
import { Button, Notice, TextField, useFormat, useSubmit } from '@trackstack/ui';
import type { Entry, ExpensesApi, Settings } from '../api';
import { centsToDigits, digitsToCents, keypadPress, parseTags, recentPayees } from '../logic';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '00', '0', 'back'];
const FIELDS = ['amountCents', 'title', 'categoryId', 'date', 'note', 'tags'];

/** Add or edit an entry: amount keypad first, recent payees as chips, category grouped by tank, date = today. */
export function EntryForm({ api, settings, entry, recent, onDone, onCancel }: {
  api: ExpensesApi; settings: Settings | null; entry?: Entry | null; recent: Entry[];
  onDone: (result: { queued: boolean; entry?: Entry }) => void; onCancel?: () => void;
}) {
  const f = useFormat();
  const editing = !!entry;
  const startCents = entry?.amountCents ?? 0;
  const [digits, setDigits] = useState(centsToDigits(Math.abs(startCents)));
  const [refund, setRefund] = useState(startCents < 0);
  const [title, setTitle] = useState(entry?.title ?? '');
  const [categoryId, setCategoryId] = useState(entry?.categoryId ?? '');
  const [date, setDate] = useState(() => entry?.date ?? f.today());
  const [note, setNote] = useState(entry?.note ?? '');
  const [tags, setTags] = useState((entry?.tags ?? []).join(', '));
  const s = useSubmit(FIELDS, { fallback: 'Could not save the entry.' });
  const errors = s.fieldErrors;
  const amountRef = useRef<HTMLDivElement>(null);
  // One client UUID per new entry: a retry (or the offline queue's replay) repeats it, and the server keeps one.
  const idRef = useRef(newClientId());
  const cents = digitsToCents(digits) * (refund ? -1 : 1);
  const chips = useMemo(() => recentPayees(recent), [recent]);

  useEffect(() => { if (!editing) amountRef.current?.focus(); }, [editing]);

  const press = (key: string) => { setDigits((d) => keypadPress(d, key)); s.clearFieldError('amountCents'); };
  const onAmountKey = (e: KeyboardEvent) => {
    if (/^\d$/.test(e.key)) { press(e.key); e.preventDefault(); }
    else if (e.key === 'Backspace') { press('back'); e.preventDefault(); }
    else if (e.key === 'Delete' || e.key === 'Escape') { press('clear'); e.preventDefault(); }
  };
  const changeTitle = (value: string) => { setTitle(value); s.clearFieldError('title'); };

  const submit = s.onSubmit(async () => {
    const local: Record<string, string> = {};
    if (digitsToCents(digits) === 0) local.amountCents = 'Type the amount on the keypad.';
    if (!title.trim()) local.title = 'Say what it was (the payee or a few words).';
    if (!date) local.date = 'Pick the date.';
    if (Object.keys(local).length) return s.invalid(local);
    const body = {
      id: entry?.id ?? idRef.current, date, amountCents: cents, title: title.trim(), categoryId: categoryId || null,
      note: note.trim() || null, tags: parseTags(tags), paidBy: entry?.paidBy ?? null,
      originalAmountCents: entry?.originalAmountCents ?? null, originalCurrency: entry?.originalCurrency ?? null,
    };
    if (entry) {
      onDone({ queued: false, entry: await api.updateEntry(entry.id, body) });
      return;
    }
    const r = await api.createEntry(body, `Expense ${f.money(cents / 100)} · ${body.title}`);
    idRef.current = newClientId();
    onDone(r);
  });

  return (
    <form ref={s.formRef} className="entry-form" noValidate onSubmit={submit} aria-label={editing ? 'Edit entry' : 'Add an expense'}>
      <div className={['amount', errors.amountCents ? 'field-invalid' : ''].join(' ')}>
        <span className="amount-label" id="amount-label">Amount{refund ? ' (refund)' : ''}</span>
        <div className={['amount-display', refund ? 'is-refund' : ''].join(' ')} ref={amountRef} tabIndex={0} role="textbox" aria-readonly="false"
          aria-labelledby="amount-label" aria-describedby={errors.amountCents ? 'amount-error' : 'amount-hint'} aria-invalid={errors.amountCents ? true : undefined}
          data-cents={cents} onKeyDown={onAmountKey}>
          {f.money(cents / 100)}
        </div>
        {errors.amountCents ? <p className="field-error" id="amount-error">{errors.amountCents}</p> : <p className="field-hint visually-hidden" id="amount-hint">Type digits; the last two are the cents.</p>}
        <div className="keypad" role="group" aria-label="Amount keypad">
          {KEYS.map((k) => (
            <button type="button" key={k} className="key" data-key={k} onClick={() => press(k)} aria-label={k === 'back' ? 'Delete last digit' : undefined}>
              {k === 'back' ? '⌫' : k}
            </button>
          ))}
        </div>
        <label className="check"><input type="checkbox" checked={refund} onChange={(e) => setRefund(e.target.checked)} /> Money back (refund)</label>
      </div>
      <TextField label="What / payee" name="title" value={title} onChange={(e) => changeTitle(e.target.value)} error={errors.title} autoComplete="off" maxLength={200} />
      {chips.length && !editing ? (
        <div className="chips" role="group" aria-label="Recent payees">
          {chips.map((c) => (
            <button type="button" key={c.title} className="chip" aria-pressed={c.title === title} onClick={() => { changeTitle(c.title); if (c.categoryId) setCategoryId(c.categoryId); }}>{c.title}</button>
          ))}
        </div>
      ) : null}
      <div className={['field', errors.categoryId ? 'field-invalid' : ''].join(' ')}>
        <label htmlFor="entry-category">Category</label>
        <select id="entry-category" name="categoryId" value={categoryId} onChange={(e) => setCategoryId(e.target.value)}
          aria-invalid={errors.categoryId ? true : undefined} aria-describedby={errors.categoryId ? 'entry-category-error' : undefined}>
          <option value="">No category</option>
          {(settings?.tanks ?? []).map((t) => (
            <optgroup key={t.key} label={t.name}>
              {t.categories.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
            </optgroup>
          ))}
        </select>
        {errors.categoryId ? <p className="field-error" id="entry-category-error">{errors.categoryId}</p> : null}
      </div>
      <TextField label="Date" name="date" type="date" value={date} onChange={(e) => { setDate(e.target.value); s.clearFieldError('date'); }} error={errors.date} />
      <details className="more" open={!!(note || tags) || undefined}>
        <summary>Note and tags</summary>
        <TextField label="Note" name="note" value={note} onChange={(e) => setNote(e.target.value)} error={errors.note} />
        <TextField label="Tags" name="tags" value={tags} onChange={(e) => setTags(e.target.value)} error={errors.tags} hint="Separate with commas." />
      </details>
      {s.formError ? <Notice kind="error"><p>{s.formError}</p></Notice> : null}
      <div className="btn-row">
        <Button type="submit" busy={s.busy} block>{editing ? 'Save changes' : 'Save expense'}</Button>
        {onCancel ? <Button variant="secondary" onClick={onCancel} block>Cancel</Button> : null}
      </div>
    </form>
  );
}
