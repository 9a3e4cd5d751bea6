import { useId, type TextareaHTMLAttributes } from 'react';

/** A multi-line field in the markup of the shared TextField (label, error, hint), for ingredient lines and steps. */
export function TextArea({ label, error, hint, ...rest }: TextareaHTMLAttributes<HTMLTextAreaElement> & { label: string; error?: string | null; hint?: string }) {
  const id = `t${useId()}`;
  return (
    <div className={['field', error ? 'field-invalid' : ''].join(' ').trim()}>
      <label htmlFor={id}>{label}</label>
      <textarea id={id} rows={6} {...rest} aria-invalid={error ? true : undefined}
        aria-describedby={[error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined} />
      {error ? <p className="field-error" id={`${id}-error`}>{error}</p> : null}
      {hint ? <p className="field-hint" id={`${id}-hint`}>{hint}</p> : null}
    </div>
  );
}
