import { useState } from 'react';
import { newClientId } from '@trackstack/api';
import { Button, Card, Notice, TextField, parseDecimal, useFormat, useSubmit } from '@trackstack/ui';
import type { Food, NutritionApi, ProposedItem } from '../api';
import { t } from '../strings';
import { FoodPicker } from './FoodPicker';

interface Row { item: ProposedItem; food: Food | null; grams: string; include: boolean; picking: boolean }

/** Log by typing a sentence: the server's parser proposes one item per phrase (food and grams); the member confirms
 * or changes each and logs them all at once, each through the offline queue with its own client id. Words that
 * matched no food are shown as such, never replaced by a guess. */
export function SentenceLog({ api, meal, date, onChanged }: { api: NutritionApi; meal: string; date: string; onChanged: (m?: string) => void }) {
  const f = useFormat();
  const [sentence, setSentence] = useState('');
  const [rows, setRows] = useState<Row[] | null>(null);
  const read = useSubmit(['sentence'], { fallback: t.sentenceLog.couldNotRead });
  const log = useSubmit([], { fallback: t.logPanel.couldNotLog });
  const update = (i: number, change: Partial<Row>) => setRows((rs) => rs && rs.map((r, n) => (n === i ? { ...r, ...change } : r)));

  const submitRead = read.onSubmit(async () => {
    if (!sentence.trim()) return read.invalid({ sentence: t.sentenceLog.typeSomething });
    const proposal = await api.proposeFromSentence(sentence);
    setRows(proposal.items.map((item) => ({
      item, food: item.suggestion ?? null, grams: item.grams == null ? '' : String(item.grams), include: item.suggestion != null, picking: false,
    })));
  });
  const ready = (rows ?? []).filter((r) => r.include && r.food && (parseDecimal(r.grams) ?? 0) > 0);
  const submitLog = log.onSubmit(async () => {
    if (!rows) return;
    const missing = rows.findIndex((r) => r.include && (!r.food || !((parseDecimal(r.grams) ?? 0) > 0)));
    if (missing >= 0) return log.invalid({ [`grams-${missing}`]: t.sentenceLog.fixItem(rows[missing].item.text) });
    let queued = false;
    for (const r of ready) {
      const grams = parseDecimal(r.grams)!;
      const result = await api.log({
        id: newClientId(), date, meal, foodId: r.food!.id, grams, quantity: null, unit: null,
        recipeId: null, servings: null, label: null, kcal: null, protein: null, fat: null, carbohydrate: null,
      }, t.logPanel.queueLabel(r.food!.name, String(grams)));
      queued ||= result.queued;
    }
    const n = f.number(ready.length);
    setRows(null); setSentence('');
    onChanged(queued ? t.sentenceLog.queued(n) : t.sentenceLog.logged(n));
  });

  return (
    <Card title={t.sentenceLog.title} data-panel="sentence">
      <form ref={read.formRef} noValidate onSubmit={submitRead} data-form="sentence">
        <TextField label={t.sentenceLog.label} name="sentence" autoComplete="off" value={sentence} placeholder={t.sentenceLog.placeholder}
          onChange={(e) => setSentence(e.target.value)} error={read.fieldErrors.sentence} hint={t.sentenceLog.hint} />
        {read.formError ? <Notice kind="error"><p>{read.formError}</p></Notice> : null}
        <Button type="submit" variant="secondary" busy={read.busy}>{t.sentenceLog.read}</Button>
      </form>
      {rows ? (
        <form ref={log.formRef} noValidate onSubmit={submitLog} data-form="proposals">
          <ul className="list">
            {rows.map((r, i) => (
              <li key={i} data-proposal={i} data-status={r.food ? (r.grams ? 'ready' : 'needsGrams') : 'unmatched'}>
                <div className="grow">
                  <label className="check">
                    <input type="checkbox" name={`include-${i}`} checked={r.include} onChange={(e) => update(i, { include: e.target.checked })} />
                    <span className="sub">{t.sentenceLog.youWrote(r.item.text)}</span>
                  </label>
                  {r.food ? <p className="title" data-food-name>{r.food.name}</p> : (
                    <p data-unmatched>{t.sentenceLog.notUnderstood(r.item.unmatched.join(' '))}</p>
                  )}
                  {r.picking || !r.food ? (
                    <FoodPicker api={api} name={`pick-${i}`} initial={r.food ? '' : r.item.food}
                      onPick={(food) => update(i, { food, include: true, picking: false })} />
                  ) : <Button type="button" variant="ghost" onClick={() => update(i, { picking: true })}>{t.sentenceLog.change}</Button>}
                  <TextField label={t.logPanel.grams} name={`grams-${i}`} inputMode="decimal" value={r.grams} onChange={(e) => update(i, { grams: e.target.value })} error={log.fieldErrors[`grams-${i}`]}
                    hint={r.food && r.food.kcal != null && (parseDecimal(r.grams) ?? 0) > 0
                      ? t.logPanel.kcal(f.number(Math.round((r.food.kcal * parseDecimal(r.grams)!) / 100)))
                      : r.food && r.item.status === 'needsGrams' ? t.sentenceLog.needsGrams : undefined} />
                </div>
              </li>
            ))}
          </ul>
          {log.formError ? <Notice kind="error"><p>{log.formError}</p></Notice> : null}
          <Button type="submit" busy={log.busy} disabled={ready.length === 0}>{t.sentenceLog.logAll(f.number(ready.length))}</Button>
        </form>
      ) : null}
    </Card>
  );
}
