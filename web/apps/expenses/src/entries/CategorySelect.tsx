import type { Settings } from '../api';
import { t as strings } from '../strings';

/** A category choice grouped by tank, with "No category" first. `label` is shown, or given to screen readers only
 * when `hideLabel` (inside a table row, where the column says what it is). */
export function CategorySelect({ id, label, settings, value, onChange, error, hideLabel, disabled, noneLabel = strings.categorySelect.noCategory }: {
  id: string; label: string; settings: Settings | null; value: string; onChange: (categoryId: string) => void;
  error?: string | null; hideLabel?: boolean; disabled?: boolean; noneLabel?: string;
}) {
  const errorId = error ? `${id}-error` : undefined;
  const select = (
    <select id={id} name={id} value={value} onChange={(e) => onChange(e.target.value)} disabled={disabled}
      aria-label={hideLabel ? label : undefined} aria-invalid={error ? true : undefined} aria-describedby={errorId}>
      <option value="">{noneLabel}</option>
      {(settings?.tanks ?? []).map((t) => (
        <optgroup key={t.key} label={t.name}>
          {t.categories.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
        </optgroup>
      ))}
    </select>
  );
  if (hideLabel) return select;
  return (
    <div className={['field', error ? 'field-invalid' : ''].join(' ').trim()}>
      <label htmlFor={id}>{label}</label>
      {select}
      {error ? <p className="field-error" id={errorId}>{error}</p> : null}
    </div>
  );
}
