import { useEffect, useState } from 'react';
import { newClientId } from '@trackstack/api';
import { Button, Card, Notice, SelectField, Skeleton, TextField, parseDecimal, useAsync, useFormat, useSubmit } from '@trackstack/ui';
import type { Food, NutritionApi } from '../api';
import { t } from '../strings';
import { DayBars } from './DayBars';
import { CopyFromYesterday } from './CopyFromYesterday';
import { SentenceLog } from './SentenceLog';
import { BarcodeScan } from './BarcodeScan';

const MEALS = ['breakfast', 'lunch', 'dinner', 'snacks'];

/** The meal a time of day suggests: what most people log at that hour. */
export function mealFor(hour: number): string {
  if (hour < 11) return 'breakfast';
  if (hour < 15) return 'lunch';
  if (hour >= 17 && hour < 22) return 'dinner';
  return 'snacks';
}

/** Log screen: search as you type, recent foods as chips, grams, then the day's meals and what remains. */
export function LogPanel({ api, version, onChanged, canWrite }: { api: NutritionApi; version: number; onChanged: (m?: string) => void; canWrite: boolean }) {
  const f = useFormat();
  const today = f.today();
  const [query, setQuery] = useState('');
  const [debounced, setDebounced] = useState('');
  const [food, setFood] = useState<Food | null>(null);
  const [grams, setGrams] = useState('');
  const [meal, setMeal] = useState(() => mealFor(new Date().getHours()));
  const s = useSubmit(['grams', 'meal', 'date', 'foodId'], { fallback: t.logPanel.couldNotLog });
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(query.trim()), 200);
    return () => clearTimeout(timer);
  }, [query]);
  const results = useAsync((signal) => (debounced ? api.searchFoods(debounced, signal) : Promise.resolve([] as Food[])), [api, debounced]);
  const recent = useAsync((signal) => api.searchFoods('', signal), [api, version]);
  const day = useAsync((signal) => api.day(today, signal), [api, today, version]);

  const choose = (picked: Food) => {
    setFood(picked);
    const serving = picked.units.find((u) => u.name === 'serving') ?? null;
    setGrams(String(serving ? serving.grams : 100));
  };
  const submit = s.onSubmit(async () => {
    if (!food) return;
    const g = parseDecimal(grams);
    if (g === null || g <= 0) return s.invalid({ grams: t.logPanel.howManyGrams });
    const r = await api.log({
      id: newClientId(), date: today, meal, foodId: food.id, grams: g, quantity: null, unit: null,
      recipeId: null, servings: null, label: null, kcal: null, protein: null, fat: null, carbohydrate: null,
    }, t.logPanel.queueLabel(food.name, String(g)));
    setFood(null); setQuery(''); setGrams('');
    onChanged(r.queued ? t.logPanel.queued(food.name) : t.logPanel.logged(food.name));
  });

  return (
    <>
      {canWrite ? (
        <Card title={t.logPanel.logFood} data-panel="log">
          <TextField label={t.logPanel.searchFoods} name="foodSearch" type="search" autoComplete="off" value={query} placeholder={t.logPanel.searchPlaceholder}
            onChange={(e) => { setQuery(e.target.value); setFood(null); }} />
          <BarcodeScan api={api} onFound={(found) => { setQuery(''); choose(found); }} />
          {recent.status === 'ready' && recent.data!.length > 0 && !debounced ? (
            <div className="chips" aria-label={t.logPanel.recent} data-chips="recent">
              {recent.data!.slice(0, 8).map((r) => <button type="button" className="chip" key={r.id} onClick={() => choose(r)}>{r.name}</button>)}
            </div>
          ) : null}
          {debounced && !food ? (
            results.status === 'ready' ? (
              results.data!.length === 0 ? <p className="muted">{t.logPanel.noMatch}</p> : (
                <ul className="list" data-list="foods">
                  {results.data!.map((r) => (
                    <li key={r.id}>
                      <button type="button" className="list-button" onClick={() => choose(r)} data-food={r.id}>
                        <span>{r.name}</span> <span className="muted">{r.kcal == null ? '' : t.logPanel.kcalPer100g(String(Math.round(r.kcal)))}</span>
                      </button>
                    </li>
                  ))}
                </ul>
              )
            ) : <Skeleton height="44px" />
          ) : null}
          {food ? (
            // Keyed by the food: picking one (a result, a recent chip, a scanned code) puts the cursor in its grams.
            <form key={food.id} ref={s.formRef} noValidate onSubmit={submit} data-form="log">
              <p><strong>{food.name}</strong>{food.kcal == null ? null : <span className="muted">{t.logPanel.kcalPer100gDetail(String(Math.round(food.kcal)))}</span>}</p>
              {food.attribution ? <p className="muted food-source" data-attribution>{food.attribution}</p> : null}
              <TextField label={t.logPanel.grams} name="grams" inputMode="decimal" autoFocus value={grams} onChange={(e) => setGrams(e.target.value)} error={s.fieldErrors.grams}
                hint={food.units.length ? food.units.slice(0, 3).map((u) => t.logPanel.unitGrams(u.name, String(Math.round(u.grams)))).join(' · ') : undefined} />
              <SelectField label={t.logPanel.meal} name="meal" value={meal} onChange={(e) => setMeal(e.target.value)} error={s.fieldErrors.meal}
                options={MEALS.map((m) => ({ value: m, label: t.meals[m] ?? m }))} />
              {s.formError ? <Notice kind="error"><p>{s.formError}</p></Notice> : null}
              <Button type="submit" busy={s.busy}>{t.logPanel.log}</Button>
            </form>
          ) : null}
        </Card>
      ) : null}
      {canWrite ? <SentenceLog api={api} meal={meal} date={today} onChanged={onChanged} /> : null}
      <Card title={t.logPanel.today} busy={day.status === 'loading'} data-panel="day" data-state={day.status}>
        {day.status === 'ready' ? (
          <>
            <DayBars day={day.data!} />
            {day.data!.meals.filter((m) => m.entries.length > 0).map((m) => (
              <section key={m.name} data-meal={m.name}>
                <h3>{t.meals[m.name] ?? m.name} <span className="muted">{t.logPanel.kcal(String(Math.round(m.totals.kcal ?? 0)))}</span></h3>
                <ul className="list">
                  {m.entries.map((e) => <li key={e.id}>{e.label}{e.grams != null ? t.logPanel.entryGrams(String(Math.round(e.grams))) : ''}{t.logPanel.entryKcal(String(Math.round(e.nutrients.kcal ?? 0)))}</li>)}
                </ul>
              </section>
            ))}
            {canWrite ? <CopyFromYesterday api={api} today={today} meals={MEALS} onChanged={onChanged} /> : null}
          </>
        ) : day.status === 'error' ? <Notice kind="error"><p>{t.logPanel.couldNotLoadToday}</p></Notice> : <Skeleton height="80px" />}
      </Card>
    </>
  );
}
