import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { newClientId } from '@trackstack/api';
import { Button, Notice, TextField, useFormat, useSubmit } from '@trackstack/ui';
import type { Entry, ExpensesApi, Settings } from '../api';
import { centsToDigits, digitsToCents, keypadPress, parseTags, recentPayees } from '../logic';
import { CategorySelect } from './CategorySelect';
import { SplitParts } from './SplitParts';
import { centsToText, checkParts, partsBody, startSplit, type PartDraft } from './splits';
import { t } from '../strings';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '00', '0', 'back'];
const PART_FIELDS = Array.from({ length: 20 }, (_, i) => [`parts[${i}].categoryId`, `parts[${i}].amountCents`]).flat();
const FIELDS = ['amountCents', 'title', 'categoryId', 'date', 'note', 'tags', 'parts', ...PART_FIELDS];

/**
 * Add or edit an entry: amount keypad first, recent payees as chips, category (or a split across categories) and
 * date side by side, date = today. "Save and add another" keeps the date, clears the rest and puts the focus back
 * on the amount, so a pile of receipts goes in without leaving the keypad.
 */
export function EntryForm({ api, settings, entry, recent, onDone, onSaved, onCancel }: {
  api: ExpensesApi; settings: Settings | null; entry?: Entry | null; recent: Entry[];
  onDone: (result: { queued: boolean; entry?: Entry }) => void;
  /** After "Save and add another": the form stays, ready for the next one. */
  onSaved?: (result: { queued: boolean }) => void;
  onCancel?: () => void;
}) {
  const f = useFormat();
  const editing = !!entry;
  const startCents = entry?.amountCents ?? 0;
  const [digits, setDigits] = useState(centsToDigits(Math.abs(startCents)));
  const [refund, setRefund] = useState(startCents < 0);
  const [title, setTitle] = useState(entry?.title ?? '');
  const [categoryId, setCategoryId] = useState(entry?.categoryId ?? '');
  const [parts, setParts] = useState<PartDraft[] | null>(() =>
    entry?.parts?.length ? entry.parts.map((p) => ({ categoryId: p.categoryId, amount: centsToText(p.amountCents, f.ctx.locale) })) : null);
  const [date, setDate] = useState(() => entry?.date ?? f.today());
  const [note, setNote] = useState(entry?.note ?? '');
  const [tags, setTags] = useState((entry?.tags ?? []).join(', '));
  const [lastSaved, setLastSaved] = useState<string | null>(null);
  const s = useSubmit(FIELDS, { fallback: t.entryForm.couldNotSave });
  const errors = s.fieldErrors;
  const amountRef = useRef<HTMLDivElement>(null);
  const another = useRef(false);
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

  const reset = () => {
    setDigits(''); setRefund(false); setTitle(''); setCategoryId(''); setParts(null); setNote(''); setTags('');
    amountRef.current?.focus();
  };

  const submit = s.onSubmit(async () => {
    const local: Record<string, string> = {};
    if (digitsToCents(digits) === 0) local.amountCents = t.entryForm.typeAmountKeypad;
    if (!title.trim()) local.title = t.entryForm.sayWhatWas;
    if (!date) local.date = t.entryForm.pickDate;
    if (parts && digitsToCents(digits) !== 0) Object.assign(local, checkParts(cents, parts, f.ctx.locale));
    if (Object.keys(local).length) return s.invalid(local);
    const body = {
      id: entry?.id ?? idRef.current, date, amountCents: cents, title: title.trim(), categoryId: parts ? null : categoryId || null,
      note: note.trim() || null, tags: parseTags(tags), paidBy: entry?.paidBy ?? null,
      originalAmountCents: entry?.originalAmountCents ?? null, originalCurrency: entry?.originalCurrency ?? null,
      parts: parts ? partsBody(cents, parts, f.ctx.locale) : null,
    };
    if (entry) {
      onDone({ queued: false, entry: await api.updateEntry(entry.id, body) });
      return;
    }
    const r = await api.createEntry(body, t.entryForm.queueLabel(f.money(cents / 100), body.title));
    idRef.current = newClientId();
    if (another.current && onSaved) {
      setLastSaved(t.entryForm.nextOne(r.queued ? t.entryForm.keptOnDevice : t.entryForm.saved, body.title, f.money(cents / 100)));
      reset();
      onSaved(r);
      return;
    }
    onDone(r);
  });

  return (
    <form ref={s.formRef} className="entry-form" noValidate onSubmit={submit} aria-label={editing ? t.entryForm.editEntry : t.entryForm.addExpense}>
      {!editing ? <p className="muted saved-line" role="status">{lastSaved ?? ''}</p> : null}
      <div className={['amount', errors.amountCents ? 'field-invalid' : ''].join(' ')}>
        <div className="amount-head">
          <span className="amount-label" id="amount-label">{t.entryForm.amount}{refund ? t.entryForm.refund : ''}</span>
          <label className="check"><input type="checkbox" checked={refund} onChange={(e) => setRefund(e.target.checked)} />{t.entryForm.moneyBack}</label>
        </div>
        <div className={['amount-display', refund ? 'is-refund' : ''].join(' ')} ref={amountRef} tabIndex={0} role="textbox" aria-readonly="false"
          aria-labelledby="amount-label" aria-describedby={errors.amountCents ? 'amount-error' : 'amount-hint'} aria-invalid={errors.amountCents ? true : undefined}
          data-cents={cents} onKeyDown={onAmountKey}>
          {f.money(cents / 100)}
        </div>
        {errors.amountCents ? <p className="field-error" id="amount-error">{errors.amountCents}</p> : <p className="field-hint visually-hidden" id="amount-hint">{t.entryForm.typeDigitsLast}</p>}
        <div className="keypad" role="group" aria-label={t.entryForm.amountKeypad}>
          {KEYS.map((k) => (
            <button type="button" key={k} className="key" data-key={k} onClick={() => press(k)} aria-label={k === 'back' ? t.entryForm.deleteLastDigit : undefined}>
              {k === 'back' ? '⌫' : k}
            </button>
          ))}
        </div>
      </div>
      <TextField label={t.entryForm.whatPayee} name="title" value={title} onChange={(e) => changeTitle(e.target.value)} error={errors.title} autoComplete="off" maxLength={200} />
      <div className="pair">
        {parts ? (
          <div className="field"><span className="field-label">{t.entryForm.category}</span><span className="muted">{t.entryForm.splitPartsBelow(parts.length)}</span></div>
        ) : (
          <CategorySelect id="entry-category" label={t.entryForm.category} settings={settings} value={categoryId} onChange={(v) => { setCategoryId(v); s.clearFieldError('categoryId'); }} error={errors.categoryId} />
        )}
        <TextField label={t.entryForm.date} name="date" type="date" value={date} onChange={(e) => { setDate(e.target.value); s.clearFieldError('date'); }} error={errors.date} />
      </div>
      {chips.length && !editing ? (
        <div className="chips" role="group" aria-label={t.entryForm.recentPayees}>
          {chips.map((c) => (
            <button type="button" key={c.title} className="chip" aria-pressed={c.title === title} onClick={() => { changeTitle(c.title); if (c.categoryId && !parts) setCategoryId(c.categoryId); }}>{c.title}</button>
          ))}
        </div>
      ) : null}
      {parts ? (
        <SplitParts settings={settings} totalCents={cents} parts={parts} errors={errors}
          onChange={(next) => { setParts(next); s.clearFieldError('parts'); }} onCancel={() => { setCategoryId(parts[0]?.categoryId ?? ''); setParts(null); }} />
      ) : (
        <Button variant="ghost" className="split-toggle" onClick={() => setParts(startSplit(cents, categoryId, f.ctx.locale))}>{t.entryForm.splitAcrossCategories}</Button>
      )}
      <details className="more" open={!!(note || tags) || undefined}>
        <summary>{t.entryForm.noteTags}</summary>
        <TextField label={t.entryForm.note} name="note" value={note} onChange={(e) => setNote(e.target.value)} error={errors.note} />
        <TextField label={t.entryForm.tags} name="tags" value={tags} onChange={(e) => setTags(e.target.value)} error={errors.tags} hint={t.entryForm.separateWithCommas} />
      </details>
      {s.formError ? <Notice kind="error"><p>{s.formError}</p></Notice> : null}
      <div className="btn-row">
        <Button type="submit" busy={s.busy && !another.current} block onClick={() => { another.current = false; }}>{editing ? t.entryForm.saveChanges : t.entryForm.saveExpense}</Button>
        {!editing && onSaved ? (
          <Button type="submit" variant="secondary" busy={s.busy && another.current} block onClick={() => { another.current = true; }}>{t.entryForm.saveAddAnother}</Button>
        ) : null}
        {onCancel ? <Button variant="secondary" onClick={onCancel} block>{t.entryForm.cancel}</Button> : null}
      </div>
    </form>
  );
}
