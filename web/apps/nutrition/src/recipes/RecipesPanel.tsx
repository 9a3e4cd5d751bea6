import { useState } from 'react';
import { Button, Card, Notice, Skeleton, useAsync } from '@trackstack/ui';
import type { NutritionApi, Recipe } from '../api';
import { t } from '../strings';
import { photoStrings } from './photo-strings';
import { RecipeEditor } from './RecipeEditor';
import { RecipeImport } from './RecipeImport';

/** The household's recipe book: the list, and a recipe's page with its nutrition per serving and a servings stepper. */
export function RecipesPanel({ api, version, canWrite, onChanged }: { api: NutritionApi; version: number; canWrite: boolean; onChanged: (m?: string) => void }) {
  const [open, setOpen] = useState<string | null>(null);
  // The recipe being edited; 'new' for a new one.
  const [editing, setEditing] = useState<Recipe | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  const list = useAsync((signal) => api.recipes(signal), [api, version]);
  const saved = (id: string, message: string) => { setEditing(null); setOpen(id); onChanged(message); };
  if (importing) return <RecipeImport api={api} onImported={(r, message) => { setImporting(false); saved(r.id, message); }} onCancel={() => setImporting(false)} />;
  if (editing) return <RecipeEditor api={api} recipe={editing === 'new' ? null : editing} onSaved={saved} onCancel={() => setEditing(null)} />;
  if (open) return <RecipePage api={api} id={open} version={version} onBack={() => setOpen(null)} onEdit={canWrite ? setEditing : null} />;
  return (
    <Card title={t.recipesPanel.recipes} busy={list.status === 'loading'} data-panel="recipes" data-state={list.status}>
      {canWrite ? (
        <div className="recipe-actions">
          <Button variant="secondary" onClick={() => setEditing('new')}>{t.recipesPanel.newRecipe}</Button>
          <Button variant="secondary" onClick={() => setImporting(true)} data-action="import">{t.importForm.open}</Button>
        </div>
      ) : null}
      {list.status === 'ready' ? (
        list.data!.items.length === 0 ? <p className="muted">{t.recipesPanel.noRecipes}</p> : (
          <ul className="list">
            {list.data!.items.map((r) => (
              <li key={r.id}>
                <button type="button" className="list-button" onClick={() => setOpen(r.id)}>
                  <span>{r.title}</span> <span className="muted">{r.kcalPerServing == null ? '' : t.recipesPanel.kcalPerServing(String(Math.round(r.kcalPerServing)))}{r.tags.length ? ` · ${r.tags.join(', ')}` : ''}</span>
                </button>
              </li>
            ))}
          </ul>
        )
      ) : list.status === 'error' ? <Notice kind="error"><p>{t.recipesPanel.couldNotLoad}</p></Notice> : <Skeleton height="44px" />}
      {list.status === 'ready' && list.data!.total > list.data!.items.length ? <p className="muted">{t.recipesPanel.showing(String(list.data!.items.length), String(list.data!.total))}</p> : null}
    </Card>
  );
}

function RecipePage({ api, id, version, onBack, onEdit }: { api: NutritionApi; id: string; version: number; onBack: () => void; onEdit: ((r: Recipe) => void) | null }) {
  const [servings, setServings] = useState<number | null>(null);
  const recipe = useAsync((signal) => api.recipe(id, servings, signal), [api, id, servings, version]);
  const plain = useAsync((signal) => api.recipe(id, null, signal), [api, id, version]);
  if (recipe.status !== 'ready') return <Card title={t.recipePage.recipe} busy><Skeleton height="120px" /></Card>;
  const r = recipe.data!;
  const per = r.nutrition.perServing;
  const shown = servings ?? r.servings;
  return (
    <Card title={r.title} action={<Button variant="ghost" onClick={onBack}>{t.recipePage.back}</Button>} data-panel="recipe">
      {r.photo ? (
        // Its size is known before it loads, so the page keeps the room and nothing below it jumps; a tall one is cropped to 480 px.
        <img className="recipe-photo" src={r.photo.url} width={r.photo.width} height={r.photo.height} alt={photoStrings.alt(r.title)} loading="lazy" decoding="async"
          data-photo={r.photo.version} style={{ display: 'block', width: '100%', height: 'auto', maxHeight: '480px', objectFit: 'cover', borderRadius: '8px' }} />
      ) : null}
      <div className="stepper" aria-label={t.recipePage.servings}>
        <Button variant="secondary" onClick={() => setServings(Math.max(1, shown - 1))} aria-label={t.recipePage.fewer}>−</Button>
        <span data-servings>{t.recipePage.servingsCount(String(shown))}</span>
        <Button variant="secondary" onClick={() => setServings(shown + 1)} aria-label={t.recipePage.more}>+</Button>
      </div>
      <table className="nutrition-label" data-label="per-serving">
        <caption>{t.recipePage.perServing}</caption>
        <tbody>
          <tr><th>{t.nutrients.energy}</th><td>{per.kcal ?? '–'} {t.unit.kcal}</td></tr>
          <tr><th>{t.nutrients.protein}</th><td>{per.protein ?? '–'} {t.unit.g}</td></tr>
          <tr><th>{t.nutrients.fat}</th><td>{per.fat ?? '–'} {t.unit.g}</td></tr>
          <tr><th>{t.nutrients.saturated}</th><td>{per.saturatedFat ?? '–'} {t.unit.g}</td></tr>
          <tr><th>{t.nutrients.carbohydrate}</th><td>{per.carbohydrate ?? '–'} {t.unit.g}</td></tr>
          <tr><th>{t.nutrients.sugars}</th><td>{per.sugars ?? '–'} {t.unit.g}</td></tr>
          <tr><th>{t.nutrients.fibre}</th><td>{per.fibre ?? '–'} {t.unit.g}</td></tr>
          <tr><th>{t.nutrients.sodium}</th><td>{per.sodiumMg ?? '–'} {t.unit.mg}</td></tr>
        </tbody>
      </table>
      <p className="muted">{r.nutrition.coverage}</p>
      <h3>{t.recipePage.ingredients}</h3>
      <ul className="list">
        {r.ingredients.map((i, n) => (
          <li key={n} data-status={i.status}>
            {i.quantity != null ? `${Math.round(i.quantity * 100) / 100} ` : ''}{i.unit ? `${i.unit} ` : ''}{i.food}{i.note ? `, ${i.note}` : ''}
            {i.foodName ? <span className="muted"> · {i.foodName}{i.grams != null ? t.recipePage.linkedGrams(String(Math.round(i.grams))) : ''}</span> : <span className="muted">{t.recipePage.notLinked}</span>}
          </li>
        ))}
      </ul>
      {r.steps.length ? <><h3>{t.recipePage.steps}</h3><ol>{r.steps.map((s, n) => <li key={n}>{s.section ? <strong>{s.section}: </strong> : null}{s.text}</li>)}</ol></> : null}
      {r.totalGrams != null ? <p className="muted" data-cooked>{t.recipePage.cookedWeight(String(Math.round(r.totalGrams)))}</p> : null}
      <div className="row-actions">
        {onEdit && plain.status === 'ready' ? <Button variant="secondary" onClick={() => onEdit(plain.data!)}>{t.recipePage.edit}</Button> : null}
        <a className="btn btn-secondary" href={api.exportUrl(r.id)} download={t.recipePage.exportFile(r.title)} data-export>{t.recipePage.exportJsonLd}</a>
      </div>
    </Card>
  );
}
