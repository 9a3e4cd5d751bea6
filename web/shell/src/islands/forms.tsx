import { useState, type FormEvent } from 'react';
import { ApiError, splitFieldErrors } from '@trackstack/api';

/** Submit handling shared by every form: busy flag, field errors next to fields, a message for the rest. */
export function useSubmit(knownFields: readonly string[]) {
  const [busy, setBusy] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setFormError(null);
    setFieldErrors({});
    try {
      await action();
    } catch (e) {
      if (e instanceof ApiError) {
        const { fields, formMessage } = splitFieldErrors(e, knownFields);
        setFieldErrors(fields);
        setFormError(formMessage);
        // Move focus to the first field in error so keyboard and screen-reader users land on it.
        const first = Object.keys(fields)[0];
        if (first) requestAnimationFrame(() => (document.querySelector(`[name="${first}"]`) as HTMLElement | null)?.focus());
      } else {
        setFormError('Something went wrong. Try again.');
        console.error(e);
      }
    } finally {
      setBusy(false);
    }
  };

  const onSubmit = (action: () => Promise<void>) => (e: FormEvent) => {
    e.preventDefault();
    void run(action);
  };

  return { busy, fieldErrors, formError, setFormError, setFieldErrors, run, onSubmit };
}
