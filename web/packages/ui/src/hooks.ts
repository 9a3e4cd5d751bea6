import { useEffect, useMemo, useRef, useState } from 'react';
import { registerDraft, takeDraft, type ModuleContext } from '@trackstack/api';

/** Form state that survives a trip to the sign-in page. `omit` lists fields never saved (passwords). */
export function useDraftState<T extends Record<string, unknown>>(formId: string, initial: T, omit: (keyof T)[] = []) {
  const [values, setValues] = useState<T>(() => ({ ...initial, ...(takeDraft<Partial<T>>(formId) ?? {}) }));
  const latest = useRef(values);
  latest.current = values;
  useEffect(() => registerDraft(formId, () => {
    const copy: Record<string, unknown> = { ...latest.current };
    for (const k of omit) delete copy[k as string];
    return copy;
  }), [formId]); // eslint-disable-line react-hooks/exhaustive-deps
  const set = <K extends keyof T>(key: K, value: T[K]) => setValues((v) => ({ ...v, [key]: value }));
  return { values, setValues, set };
}

export interface AsyncState<T> {
  status: 'loading' | 'ready' | 'error';
  /** The last answer; kept while a reload is on its way. */
  data?: T;
  error?: unknown;
  reload: () => void;
}

/** Runs an async loader when its dependencies change; one screen part's state without blocking the others. */
export function useAsync<T>(load: (signal: AbortSignal) => Promise<T>, deps: unknown[]): AsyncState<T> {
  const [state, setState] = useState<Omit<AsyncState<T>, 'reload'>>({ status: 'loading' });
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    setState((s) => ({ status: 'loading', data: s.data }));
    load(controller.signal).then(
      (data) => { if (!controller.signal.aborted) setState({ status: 'ready', data }); },
      (error) => { if (!controller.signal.aborted) setState({ status: 'error', error }); },
    );
    return () => controller.abort();
  }, [...deps, version]); // eslint-disable-line react-hooks/exhaustive-deps
  return { ...state, reload: () => setVersion((v) => v + 1) };
}

/** A module's API bound to the context, made again only for another household or client: the shell may rebuild
 * the context object on any session refresh, and a new API would reload every panel. */
export function useModuleApi<A>(context: ModuleContext, create: (context: ModuleContext) => A): A {
  return useMemo(() => create(context), [context.household.id, context.client]); // eslint-disable-line react-hooks/exhaustive-deps
}
