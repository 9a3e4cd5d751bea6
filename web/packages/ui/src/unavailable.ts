// Its own module so the home cards can use it without bringing the ModuleScreen component into the home bundle.
import { ApiError } from '@trackstack/api';

/** 404: the server does not know the module's routes; 503: it knows the module but does not run it now. */
export function isModuleUnavailable(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 404 || error.status === 503);
}
