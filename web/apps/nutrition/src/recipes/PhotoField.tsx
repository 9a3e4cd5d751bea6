import { useEffect, useState } from 'react';
import { Button, TextField } from '@trackstack/ui';
import { PHOTO_MAX_BYTES, PHOTO_TYPES, type RecipePhoto } from './photo';
import { photoStrings as p } from './photo-strings';

/** The editor's choice for the photo, applied when the recipe is saved. */
export type PhotoChoice = { kind: 'keep' } | { kind: 'set'; file: File } | { kind: 'remove' };

const online = () => typeof navigator === 'undefined' || navigator.onLine !== false;

/** Add, replace or remove a recipe's photo, with a preview. The camera is offered by the phone, not forced
 * (no capture attribute). A file that is too large or not a photo is refused here in words, before any upload. */
export function PhotoField({ current, choice, onChoice, error }: { current: RecipePhoto | null; choice: PhotoChoice; onChoice: (c: PhotoChoice) => void; error?: string | null }) {
  const [problem, setProblem] = useState<string | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  useEffect(() => {
    if (choice.kind !== 'set') return setPreview(null);
    const url = URL.createObjectURL(choice.file);
    setPreview(url);
    return () => URL.revokeObjectURL(url);
  }, [choice]);

  const pick = (file: File | undefined) => {
    if (!file) return;
    if (!online()) return setProblem(p.needsConnection);
    if (file.size > PHOTO_MAX_BYTES) return setProblem(p.tooLarge((file.size / 1024 / 1024).toFixed(1)));
    // The browser's type is a first check for the person; the server reads the bytes.
    if (file.type && !PHOTO_TYPES.includes(file.type)) return setProblem(p.notAnImage);
    setProblem(null);
    onChoice({ kind: 'set', file });
  };
  const shown = choice.kind === 'set' ? preview : choice.kind === 'keep' && current ? current.url : null;
  return (
    <div className="recipe-photo-field" data-photo-field={choice.kind}>
      {shown ? (
        <img src={shown} alt={p.preview} data-photo-preview loading="lazy" decoding="async"
          {...(choice.kind === 'keep' && current ? { width: current.width, height: current.height } : {})}
          style={{ display: 'block', maxWidth: '100%', maxHeight: '240px', width: 'auto', height: 'auto', borderRadius: '8px' }} />
      ) : null}
      {choice.kind === 'set' ? <p className="muted">{p.newPhoto}</p> : null}
      {choice.kind === 'remove' ? <p className="muted" data-photo-removed>{p.willRemove}</p> : null}
      <TextField label={current || choice.kind === 'set' ? p.replace : p.photo} name="photo" type="file" accept="image/*"
        onChange={(e) => { pick(e.target.files?.[0]); e.target.value = ''; }} error={problem ?? error} hint={p.hint} />
      <span className="row-actions">
        {choice.kind === 'set' || (choice.kind === 'keep' && current) ? (
          <Button type="button" variant="ghost" onClick={() => { setProblem(null); onChoice(current ? { kind: 'remove' } : { kind: 'keep' }); }}>{p.remove}</Button>
        ) : null}
        {choice.kind === 'remove' ? <Button type="button" variant="ghost" onClick={() => onChoice({ kind: 'keep' })}>{p.keep}</Button> : null}
      </span>
    </div>
  );
}
