import { useState } from 'react';
import { ApiError } from '@trackstack/api';
import { Button, Card, Notice, TextField, useSubmit } from '@trackstack/ui';
import type { NutritionApi, Recipe } from '../api';
import { t } from '../strings';
import { TextArea } from './TextArea';
import { checkUrl, pastedKind, readPasted, tooLarge, type ImportBody } from './importSource';
import './import.css';

/** "Import recipe": a page's address (fetched by the server), or the page's HTML or the recipe's JSON-LD pasted
 * (one box; what it is follows from its first character). The server stores the recipe with each ingredient linked
 * to its suggested food, and its complaint (a private address, no Recipe in the page, too large, too slow) shows
 * next to the field it is about. */
export function RecipeImport({ api, onImported, onCancel }: { api: NutritionApi; onImported: (recipe: Recipe, message: string) => void; onCancel: () => void }) {
  const [url, setUrl] = useState('');
  const [pasted, setPasted] = useState('');
  const byUrl = useSubmit(['url'], { fallback: t.importForm.couldNotImport });
  const byPaste = useSubmit(['pasted'], { fallback: t.importForm.couldNotImport });
  const kind = pasted.trim() ? pastedKind(pasted) : null;

  /** Sends the body; answers the message to show next to `field` when the import failed in a way this form explains. */
  const send = async (body: ImportBody): Promise<string | null> => {
    if (tooLarge(body)) return t.importForm.tooLarge;
    if (navigator.onLine === false) return t.importForm.offline;
    let recipe: Recipe;
    try {
      recipe = await api.importRecipe(body);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      if (e.offline) return t.importForm.offline;
      if (e.status === 413) return t.importForm.tooLarge;
      const said = e.fieldErrors.url ?? e.fieldErrors.jsonLd ?? e.fieldErrors.html;
      if (said) return said;
      throw e;
    }
    const linked = recipe.ingredients.filter((i) => i.foodId != null).length;
    onImported(recipe, t.importForm.imported(recipe.title, linked, recipe.ingredients.length));
    return null;
  };

  const submitUrl = byUrl.onSubmit(async () => {
    const checked = checkUrl(url);
    if ('error' in checked) return byUrl.invalid({ url: checked.error });
    const problem = await send(checked.body);
    if (problem) byUrl.invalid({ url: problem });
  });
  const submitPasted = byPaste.onSubmit(async () => {
    const read = readPasted(pasted);
    if ('error' in read) return byPaste.invalid({ pasted: read.error });
    const problem = await send(read.body);
    if (problem) byPaste.invalid({ pasted: problem });
  });

  return (
    <Card title={t.importForm.title} action={<Button variant="ghost" onClick={onCancel}>{t.recipePage.back}</Button>} data-panel="import">
      <form ref={byUrl.formRef} noValidate onSubmit={submitUrl} data-form="import-url">
        <TextField label={t.importForm.url} name="url" type="url" inputMode="url" autoComplete="off" placeholder="https://" value={url}
          onChange={(e) => { setUrl(e.target.value); byUrl.clearFieldError('url'); }} error={byUrl.fieldErrors.url} hint={t.importForm.urlHint} />
        {byUrl.formError ? <Notice kind="error"><p>{byUrl.formError}</p></Notice> : null}
        <Button type="submit" busy={byUrl.busy} disabled={byPaste.busy}>{t.importForm.importUrl}</Button>
      </form>
      <form ref={byPaste.formRef} noValidate onSubmit={submitPasted} data-form="import-pasted" className="import-pasted">
        <TextArea label={t.importForm.pasted} name="pasted" value={pasted} spellCheck={false} data-kind={kind ?? ''}
          onChange={(e) => { setPasted(e.target.value); byPaste.clearFieldError('pasted'); }} error={byPaste.fieldErrors.pasted}
          hint={kind ? t.importForm.readsAs(kind) : t.importForm.pastedHint} />
        {byPaste.formError ? <Notice kind="error"><p>{byPaste.formError}</p></Notice> : null}
        <Button type="submit" variant="secondary" busy={byPaste.busy} disabled={byUrl.busy}>{t.importForm.importPasted}</Button>
      </form>
    </Card>
  );
}
