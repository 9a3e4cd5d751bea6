import { Button, useFormat } from '@trackstack/ui';
import type { Settings } from '../api';
import { CategorySelect } from './CategorySelect';
import { unassignedCents, type PartDraft } from './splits';
import { t } from '../strings';

/** The parts of a split entry: a category and an amount each, with what is still to assign. */
export function SplitParts({ settings, totalCents, parts, errors, onChange, onCancel }: {
  settings: Settings | null; totalCents: number; parts: PartDraft[]; errors: Record<string, string>;
  onChange: (parts: PartDraft[]) => void; onCancel: () => void;
}) {
  const f = useFormat();
  const left = unassignedCents(totalCents, parts, f.ctx.locale);
  const set = (i: number, patch: Partial<PartDraft>) => onChange(parts.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  return (
    <fieldset className={['split-parts', errors.parts ? 'field-invalid' : ''].join(' ')} aria-describedby="split-left">
      <legend>{t.splitParts.splitAcrossCategories}</legend>
      {parts.map((p, i) => {
        const amountError = errors[`parts[${i}].amountCents`];
        return (
          <div className="split-part" key={i} data-part={i}>
            <CategorySelect id={`part-${i}-category`} label={t.splitParts.partCategory(i + 1)} settings={settings} value={p.categoryId} noneLabel={t.splitParts.choose}
              onChange={(categoryId) => set(i, { categoryId })} error={errors[`parts[${i}].categoryId`]} />
            <div className={['field', amountError ? 'field-invalid' : ''].join(' ').trim()}>
              <label htmlFor={`part-${i}-amount`}>{t.splitParts.amount}</label>
              <input id={`part-${i}-amount`} name={`part-${i}-amount`} inputMode="decimal" autoComplete="off" value={p.amount}
                onChange={(e) => set(i, { amount: e.target.value })} aria-invalid={amountError ? true : undefined}
                aria-describedby={amountError ? `part-${i}-amount-error` : undefined} />
              {amountError ? <p className="field-error" id={`part-${i}-amount-error`}>{amountError}</p> : null}
            </div>
            <Button variant="ghost" disabled={parts.length <= 2} onClick={() => onChange(parts.filter((_, j) => j !== i))} aria-label={t.splitParts.removePart(i + 1)}>✕</Button>
          </div>
        );
      })}
      <p id="split-left" className={left === 0 ? 'muted' : 'text-red'} aria-live="polite">
        {left === 0 ? t.splitParts.allAssigned : left > 0 ? t.splitParts.stillAssign(f.money(left / 100)) : t.splitParts.tooMuch(f.money(-left / 100))}
      </p>
      {errors.parts ? <p className="field-error" role="alert">{errors.parts}</p> : null}
      <div className="btn-row">
        <Button variant="secondary" disabled={parts.length >= 20} onClick={() => onChange([...parts, { categoryId: '', amount: '' }])}>{t.splitParts.addPart}</Button>
        <Button variant="ghost" onClick={onCancel}>{t.splitParts.doNotSplit}</Button>
      </div>
    </fieldset>
  );
}
