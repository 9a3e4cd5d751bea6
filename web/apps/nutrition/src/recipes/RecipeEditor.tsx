import { useEffect, useState } from 'react';
import { ApiError } from '@trackstack/api';
import { Button, Card, Notice, Skeleton, TextField, parseDecimal, useAsync, useSubmit } from '@trackstack/ui';
import type { NutritionApi, ParsedLine, Recipe } from '../api';
import { FoodPicker } from '../log/FoodPicker';
import { t } from '../strings';
import { PhotoField, type PhotoChoice } from './PhotoField';
import { photoStrings } from './photo-strings';
import { TextArea } from './TextArea';

/** The cook's choice for a line: undefined takes the suggestion, null keeps it unlinked, a food links that food. */
type Choice = { id: string; name: string } | null | undefined;

const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter((l) => l.length > 0);

/** Create or edit a recipe. Ingredient lines are parsed as they are typed (quantity, unit, food); each gets the best
 * match as a suggestion that the cook confirms, changes or unlinks. A line with no good match stays unlinked. */
export function RecipeEditor({ api, recipe, onSaved, onCancel }: { api: NutritionApi; recipe: Recipe | null; onSaved: (id: string, message: string) => void; onCancel: () => void }) {
  const [title, setTitle] = useState(recipe?.title ?? '');
  const [servings, setServings] = useState(String(recipe?.servings ?? 4));
  const [totalGrams, setTotalGrams] = useState(recipe?.totalGrams == null ? '' : String(recipe.totalGrams));
  const [tags, setTags] = useState((recipe?.tags ?? []).join(', '));
  const [ingredients, setIngredients] = useState((recipe?.ingredients ?? []).map((i) => i.text).join('\n'));
  const [steps, setSteps] = useState((recipe?.steps ?? []).map((s) => s.text).join('\n'));
  const [choices, setChoices] = useState<Record<string, Choice>>(() =>
    Object.fromEntries((recipe?.ingredients ?? []).map((i) => [i.text, i.foodId ? { id: i.foodId, name: i.foodName ?? i.foodId } : null])));
  const [picking, setPicking] = useState<string | null>(null);
  const [photo, setPhoto] = useState<PhotoChoice>({ kind: 'keep' });
  // A new recipe saved whose photo then failed: the next save changes it instead of adding another.
  const [savedId, setSavedId] = useState<string | null>(null);
  const [debounced, setDebounced] = useState(lines(ingredients));
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(lines(ingredients)), 400);
    return () => clearTimeout(timer);
  }, [ingredients]);
  const parsed = useAsync((signal) => (debounced.length ? api.parseLines(debounced.slice(0, 100), signal) : Promise.resolve([] as ParsedLine[])), [api, debounced.join('\n')]);
  const s = useSubmit(['title', 'servings', 'totalGrams', 'tags', 'steps', 'ingredients', 'file'], { fallback: t.editor.couldNotSave });

  const linkOf = (p: ParsedLine): { id: string; name: string } | null => {
    const c = choices[p.text];
    if (c === undefined) return p.suggestion ? { id: p.suggestion.id, name: p.suggestion.name } : null;
    return c;
  };
  const save = s.onSubmit(async () => {
    const n = parseDecimal(servings);
    if (!title.trim()) return s.invalid({ title: t.editor.nameIt });
    if (n === null || n <= 0) return s.invalid({ servings: t.editor.typeServings });
    const cooked = totalGrams.trim() ? parseDecimal(totalGrams) : null;
    if (totalGrams.trim() && (cooked === null || cooked <= 0)) return s.invalid({ totalGrams: t.editor.typeCooked });
    // The lines as parsed now (not the debounced answer, which may be a keystroke behind).
    const current = lines(ingredients);
    const fresh = current.length ? await api.parseLines(current) : [];
    const original = new Map((recipe?.ingredients ?? []).map((i) => [i.text, i]));
    const body = {
      title: title.trim(), description: recipe?.description ?? null, servings: n, prepMinutes: recipe?.prepMinutes ?? null, cookMinutes: recipe?.cookMinutes ?? null,
      tags: tags.split(',').map((x) => x.trim()).filter(Boolean), sourceUrl: recipe?.sourceUrl ?? null,
      steps: lines(steps).map((text, i) => ({ section: recipe?.steps[i]?.text === text ? recipe.steps[i].section : null, text })),
      ingredients: fresh.map((p) => {
        const link = linkOf(p);
        const before = original.get(p.text);
        // A weight typed before is kept for a line whose text and food are unchanged.
        const grams = before && before.foodId === (link?.id ?? null) && before.status === 'counted' ? before.grams : null;
        return { text: p.text, foodId: link?.id ?? null, grams };
      }),
      totalGrams: cooked,
    };
    if (photo.kind !== 'keep' && !navigator.onLine) return s.invalid({ file: photoStrings.needsConnection });
    const id = savedId ?? recipe?.id;
    const saved = id ? await api.changeRecipe(id, body) : await api.addRecipe(body);
    try {
      if (photo.kind === 'set') await api.setPhoto(saved.id, photo.file);
      if (photo.kind === 'remove') await api.deletePhoto(saved.id);
    } catch (e) {
      // The server's words next to the photo (too large, not a photo, damaged), and that the rest is saved.
      setSavedId(saved.id);
      const words = !(e instanceof ApiError) ? null : e.offline ? photoStrings.needsConnection : (e.fieldErrors.file ?? e.message);
      s.invalid({ file: words ?? photoStrings.recipeSavedPhotoNot });
      s.setFormError(photoStrings.recipeSavedPhotoNot);
      return;
    }
    onSaved(saved.id, t.editor.saved(saved.title));
  });

  return (
    <Card title={recipe ? t.editor.editTitle : t.editor.newTitle} action={<Button variant="ghost" onClick={onCancel}>{t.recipePage.back}</Button>} data-panel="editor">
      <form ref={s.formRef} noValidate onSubmit={save} data-form="recipe">
        <TextField label={t.editor.title} name="title" value={title} onChange={(e) => setTitle(e.target.value)} error={s.fieldErrors.title} />
        <TextField label={t.recipePage.servings} name="servings" inputMode="decimal" value={servings} onChange={(e) => setServings(e.target.value)} error={s.fieldErrors.servings} />
        <TextField label={t.editor.cookedWeight} name="totalGrams" inputMode="decimal" value={totalGrams} onChange={(e) => setTotalGrams(e.target.value)}
          error={s.fieldErrors.totalGrams} hint={t.editor.cookedWeightHint} />
        <TextField label={t.editor.tags} name="tags" value={tags} onChange={(e) => setTags(e.target.value)} error={s.fieldErrors.tags} hint={t.editor.tagsHint} />
        <TextArea label={t.recipePage.ingredients} name="ingredients" value={ingredients} onChange={(e) => setIngredients(e.target.value)}
          error={s.fieldErrors.ingredients} hint={t.editor.ingredientsHint} />
        {debounced.length ? (
          parsed.status === 'ready' ? (
            <ul className="list" data-list="parsed">
              {parsed.data!.map((p, i) => {
                const link = linkOf(p);
                return (
                  <li key={`${i}-${p.text}`} data-line={i} data-linked={link ? link.id : ''}>
                    <div className="grow">
                      <span className="title">{p.quantity != null ? `${Math.round(p.quantity * 100) / 100} ` : ''}{p.unit ? `${p.unit} ` : ''}{p.food}{p.note ? `, ${p.note}` : ''}</span>
                      <span className="sub" data-link>{link ? t.editor.linkedTo(link.name, choices[p.text] === undefined) : t.editor.unlinked}</span>
                      {picking === p.text ? (
                        <FoodPicker api={api} name={`link-${i}`} initial={p.food} onPick={(food) => { setChoices((c) => ({ ...c, [p.text]: { id: food.id, name: food.name } })); setPicking(null); }} />
                      ) : null}
                    </div>
                    {picking === p.text ? null : (
                      <span className="row-actions">
                        <Button type="button" variant="ghost" onClick={() => setPicking(p.text)}>{link ? t.editor.change : t.editor.link}</Button>
                        {link ? <Button type="button" variant="ghost" onClick={() => setChoices((c) => ({ ...c, [p.text]: null }))}>{t.editor.unlink}</Button> : null}
                      </span>
                    )}
                  </li>
                );
              })}
            </ul>
          ) : parsed.status === 'error' ? <Notice kind="warning"><p>{t.editor.couldNotParse}</p></Notice> : <Skeleton height="44px" />
        ) : null}
        <PhotoField current={recipe?.photo ?? null} choice={photo} onChoice={setPhoto} error={s.fieldErrors.file} />
        <TextArea label={t.recipePage.steps} name="steps" value={steps} onChange={(e) => setSteps(e.target.value)} error={s.fieldErrors.steps} hint={t.editor.stepsHint} />
        {s.formError ? <Notice kind="error"><p>{s.formError}</p></Notice> : null}
        <Button type="submit" busy={s.busy}>{t.editor.save}</Button>
      </form>
    </Card>
  );
}
