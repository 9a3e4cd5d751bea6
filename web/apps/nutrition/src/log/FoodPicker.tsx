import { useEffect, useState } from 'react';
import { Skeleton, TextField, useAsync } from '@trackstack/ui';
import type { Food, NutritionApi } from '../api';
import { t } from '../strings';

/** A small search to pick a food (for a proposed item or an ingredient line): type, tap a match. */
export function FoodPicker({ api, name, initial, onPick }: { api: NutritionApi; name: string; initial: string; onPick: (food: Food) => void }) {
  const [query, setQuery] = useState(initial);
  const [debounced, setDebounced] = useState(initial.trim());
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(query.trim()), 200);
    return () => clearTimeout(timer);
  }, [query]);
  const results = useAsync((signal) => (debounced ? api.searchFoods(debounced, signal) : Promise.resolve([] as Food[])), [api, debounced]);
  return (
    <div className="food-picker" data-picker={name}>
      <TextField label={t.foodPicker.search} name={name} type="search" autoComplete="off" value={query} onChange={(e) => setQuery(e.target.value)} />
      {debounced ? (
        results.status === 'ready' ? (
          results.data!.length === 0 ? <p className="muted">{t.logPanel.noMatch}</p> : (
            <ul className="list" data-list="picker">
              {results.data!.slice(0, 6).map((f) => (
                <li key={f.id}><button type="button" className="list-button" data-food={f.id} onClick={() => onPick(f)}>{f.name}</button></li>
              ))}
            </ul>
          )
        ) : <Skeleton height="44px" />
      ) : null}
    </div>
  );
}
