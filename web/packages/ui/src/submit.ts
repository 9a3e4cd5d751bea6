import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { ui } from './strings';
import { ApiError, splitFieldErrors } from '@trackstack/api';

const FALLBACK = ui.submit.fallback;

/**
 * Submit handling shared by every form and action: a busy flag (and which action is busy), the server's field
 * errors (problem details `errors`) next to the fields named in `knownFields`, one message for the rest, and focus
 * on the first field in error. Put `formRef` on the form; fields in error are the ones marked `aria-invalid`.
 */
export function useSubmit(knownFields: readonly string[] = [], options: { fallback?: string } = {}) {
  const formRef = useRef<HTMLFormElement>(null);
  const [busyWith, setBusyWith] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  // Bumped whenever new field errors are shown, so the same error shown twice moves focus again.
  const [focusRequest, setFocusRequest] = useState(0);
  const latest = useRef({ knownFields, fallback: options.fallback ?? FALLBACK });
  latest.current = { knownFields, fallback: options.fallback ?? FALLBACK };

  useEffect(() => {
    if (focusRequest) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusRequest]);

  /** Shows errors next to fields (e.g. from a check before sending) and moves focus to the first of them. */
  const invalid = useCallback((errors: Record<string, string>) => {
    setFieldErrors(errors);
    setFocusRequest((n) => n + 1);
  }, []);

  const clearFieldError = useCallback((field: string) => {
    setFieldErrors((all) => {
      if (!(field in all)) return all;
      const { [field]: _, ...rest } = all;
      return rest;
    });
  }, []);

  /** Runs an action; `key` says which one is busy when a form or card has several. */
  const run = useCallback(async (action: () => Promise<void>, key = 'submit') => {
    setBusyWith(key);
    setFormError(null);
    setFieldErrors({});
    try {
      await action();
    } catch (e) {
      if (e instanceof ApiError) {
        const { fields, formMessage } = splitFieldErrors(e, latest.current.knownFields);
        invalid(fields);
        setFormError(formMessage);
      } else {
        setFormError(latest.current.fallback);
        console.error(e);
      }
    } finally {
      setBusyWith(null);
    }
  }, [invalid]);

  const onSubmit = (action: () => Promise<void>) => (e: FormEvent) => {
    e.preventDefault();
    void run(action);
  };

  return { formRef, busy: busyWith !== null, busyWith, fieldErrors, formError, setFormError, invalid, clearFieldError, run, onSubmit };
}

export type Submit = ReturnType<typeof useSubmit>;
