import { useEffect, useState } from 'react';
import { newClientId } from '@trackstack/api';
import { Button, Card, Notice, SelectField, Skeleton, TextField, parseDecimal, useAsync, useFormat, useSubmit } from '@trackstack/ui';
import type { Food, NutritionApi } from '../api';
import { strings } from '../strings';
import { DayBars } from './DayBars';

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
  const s = useSubmit(['grams', 'meal', 'date', 'foodId'], { fallback: 'Could not log it.' });
  useEffect(() => {
    const t = setTimeout(() => setDebounced(query.trim()), 200);
    return () => clearTimeout(t);
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
    if (g === null || g <= 0) return s.invalid({ grams: 'How many grams did you eat?' });
    const r = await api.log({
      id: newClientId(), date: today, meal, foodId: food.id, grams: g, quantity: null, unit: null,
      recipeId: null, servings: null, label: null, kcal: null, protein: null, fat: null, carbohydrate: null,
    }, `${food.name}, ${g} g`);
    setFood(null); setQuery(''); setGrams('');
    onChanged(r.queued ? strings.queued(food.name) : strings.logged(food.name));
  });

  return (
    <>
      {canWrite ? (
        <Card title="Log food" data-panel="log">
          <TextField label="Search foods" name="foodSearch" type="search" autoComplete="off" value={query} placeholder="e.g. egg, oats, banana"
            onChange={(e) => { setQuery(e.target.value); setFood(null); }} />
          {recent.status === 'ready' && recent.data!.length > 0 && !debounced ? (
            <div className="chips" aria-label={strings.recent} data-chips="recent">
              {recent.data!.slice(0, 8).map((r) => <button type="button" className="chip" key={r.id} onClick={() => choose(r)}>{r.name}</button>)}
            </div>
          ) : null}
          {debounced && !food ? (
            results.status === 'ready' ? (
              results.data!.length === 0 ? <p className="muted">{strings.noMatch}</p> : (
                <ul className="list" data-list="foods">
                  {results.data!.map((r) => (
                    <li key={r.id}>
                      <button type="button" className="list-button" onClick={() => choose(r)} data-food={r.id}>
                        <span>{r.name}</span> <span className="muted">{r.kcal == null ? '' : `${Math.round(r.kcal)} kcal / 100 g`}</span>
                      </button>
                    </li>
                  ))}
                </ul>
              )
            ) : <Skeleton height="44px" />
          ) : null}
          {food ? (
            <form ref={s.formRef} noValidate onSubmit={submit} data-form="log">
              <p><strong>{food.name}</strong>{food.kcal == null ? null : <span className="muted"> · {Math.round(food.kcal)} kcal per 100 g</span>}</p>
              <TextField label="Grams" name="grams" inputMode="decimal" value={grams} onChange={(e) => setGrams(e.target.value)} error={s.fieldErrors.grams}
                hint={food.units.length ? food.units.slice(0, 3).map((u) => `${u.name} = ${Math.round(u.grams)} g`).join(' · ') : undefined} />
              <SelectField label="Meal" name="meal" value={meal} onChange={(e) => setMeal(e.target.value)} error={s.fieldErrors.meal}
                options={MEALS.map((m) => ({ value: m, label: strings.meals[m] ?? m }))} />
              {s.formError ? <Notice kind="error"><p>{s.formError}</p></Notice> : null}
              <Button type="submit" busy={s.busy}>Log</Button>
            </form>
          ) : null}
        </Card>
      ) : null}
      <Card title="Today" busy={day.status === 'loading'} data-panel="day" data-state={day.status}>
        {day.status === 'ready' ? (
          <>
            <DayBars day={day.data!} />
            {day.data!.meals.filter((m) => m.entries.length > 0).map((m) => (
              <section key={m.name} data-meal={m.name}>
                <h3>{strings.meals[m.name] ?? m.name} <span className="muted">{Math.round(m.totals.kcal ?? 0)} kcal</span></h3>
                <ul className="list">
                  {m.entries.map((e) => <li key={e.id}>{e.label}{e.grams != null ? ` · ${Math.round(e.grams)} g` : ''} · {Math.round(e.nutrients.kcal ?? 0)} kcal</li>)}
                </ul>
              </section>
            ))}
          </>
        ) : day.status === 'error' ? <Notice kind="error"><p>Could not load today.</p></Notice> : <Skeleton height="80px" />}
      </Card>
    </>
  );
}
