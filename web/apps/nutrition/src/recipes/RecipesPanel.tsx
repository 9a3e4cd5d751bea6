import { useState } from 'react';
import { Button, Card, Notice, Skeleton, useAsync } from '@trackstack/ui';
import type { NutritionApi } from '../api';

/** The household's recipe book: the list, and a recipe's page with its nutrition per serving and a servings stepper. */
export function RecipesPanel({ api, version }: { api: NutritionApi; version: number }) {
  const [open, setOpen] = useState<string | null>(null);
  const list = useAsync((signal) => api.recipes(signal), [api, version]);
  if (open) return <RecipePage api={api} id={open} onBack={() => setOpen(null)} />;
  return (
    <Card title="Recipes" busy={list.status === 'loading'} data-panel="recipes" data-state={list.status}>
      {list.status === 'ready' ? (
        list.data!.items.length === 0 ? <p className="muted">No recipes yet.</p> : (
          <ul className="list">
            {list.data!.items.map((r) => (
              <li key={r.id}>
                <button type="button" className="list-button" onClick={() => setOpen(r.id)}>
                  <span>{r.title}</span> <span className="muted">{r.kcalPerServing == null ? '' : `${Math.round(r.kcalPerServing)} kcal per serving`}{r.tags.length ? ` · ${r.tags.join(', ')}` : ''}</span>
                </button>
              </li>
            ))}
          </ul>
        )
      ) : list.status === 'error' ? <Notice kind="error"><p>Could not load the recipes.</p></Notice> : <Skeleton height="44px" />}
      {list.status === 'ready' && list.data!.total > list.data!.items.length ? <p className="muted">Showing {list.data!.items.length} of {list.data!.total}.</p> : null}
    </Card>
  );
}

function RecipePage({ api, id, onBack }: { api: NutritionApi; id: string; onBack: () => void }) {
  const [servings, setServings] = useState<number | null>(null);
  const recipe = useAsync((signal) => api.recipe(id, servings, signal), [api, id, servings]);
  if (recipe.status !== 'ready') return <Card title="Recipe" busy><Skeleton height="120px" /></Card>;
  const r = recipe.data!;
  const per = r.nutrition.perServing;
  const shown = servings ?? r.servings;
  return (
    <Card title={r.title} action={<Button variant="ghost" onClick={onBack}>Back</Button>} data-panel="recipe">
      <div className="stepper" aria-label="Servings">
        <Button variant="secondary" onClick={() => setServings(Math.max(1, shown - 1))} aria-label="Fewer servings">−</Button>
        <span data-servings>{shown} servings</span>
        <Button variant="secondary" onClick={() => setServings(shown + 1)} aria-label="More servings">+</Button>
      </div>
      <table className="nutrition-label" data-label="per-serving">
        <caption>Per serving</caption>
        <tbody>
          <tr><th>Energy</th><td>{per.kcal ?? '–'} kcal</td></tr>
          <tr><th>Protein</th><td>{per.protein ?? '–'} g</td></tr>
          <tr><th>Fat</th><td>{per.fat ?? '–'} g</td></tr>
          <tr><th>of which saturated</th><td>{per.saturatedFat ?? '–'} g</td></tr>
          <tr><th>Carbohydrate</th><td>{per.carbohydrate ?? '–'} g</td></tr>
          <tr><th>of which sugars</th><td>{per.sugars ?? '–'} g</td></tr>
          <tr><th>Fibre</th><td>{per.fibre ?? '–'} g</td></tr>
          <tr><th>Sodium</th><td>{per.sodiumMg ?? '–'} mg</td></tr>
        </tbody>
      </table>
      <p className="muted">{r.nutrition.coverage}</p>
      <h3>Ingredients</h3>
      <ul className="list">
        {r.ingredients.map((i, n) => (
          <li key={n} data-status={i.status}>
            {i.quantity != null ? `${Math.round(i.quantity * 100) / 100} ` : ''}{i.unit ? `${i.unit} ` : ''}{i.food}{i.note ? `, ${i.note}` : ''}
            {i.foodName ? <span className="muted"> · {i.foodName}{i.grams != null ? `, ${Math.round(i.grams)} g` : ''}</span> : <span className="muted"> · not linked</span>}
          </li>
        ))}
      </ul>
      {r.steps.length ? <><h3>Steps</h3><ol>{r.steps.map((s, n) => <li key={n}>{s.section ? <strong>{s.section}: </strong> : null}{s.text}</li>)}</ol></> : null}
    </Card>
  );
}
