import { safeReturnUrl } from '@trackstack/api';

export function query(name: string): string | null {
  if (typeof location === 'undefined') return null;
  return new URLSearchParams(location.search).get(name);
}

export function returnUrl(): string {
  return safeReturnUrl(query('returnUrl'));
}

/** Appends ?returnUrl= when there is somewhere to come back to. */
export function withReturn(path: string, target: string = returnUrl()): string {
  return target === '/' ? path : `${path}?returnUrl=${encodeURIComponent(target)}`;
}
