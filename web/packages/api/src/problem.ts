// RFC 9457 problem details → something a form can show: one message per field, plus a message for the form.
import { apiStrings } from './strings';

export interface ProblemDetails {
  type?: string | null;
  title?: string | null;
  status?: number | string | null;
  detail?: string | null;
  errors?: Record<string, string[] | string> | null;
  [key: string]: unknown;
}

export class ApiError extends Error {
  readonly status: number;
  readonly problem: ProblemDetails | null;
  /** Field name (camelCase, as the request body spells it) → first message. */
  readonly fieldErrors: Record<string, string>;

  constructor(status: number, problem: ProblemDetails | null, message?: string) {
    const mapped = mapProblem(problem, status);
    super(message ?? mapped.message);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
    this.fieldErrors = mapped.fields;
  }

  /** True when the server does not know this route (module not installed) or the record. */
  get notFound() { return this.status === 404; }
  get offline() { return this.status === 0; }
}

/** "Email" → "email", "Tanks[0].Ratio" → "tanks[0].ratio", "$.email" / "request.email" → "email". */
export function normaliseFieldName(name: string): string {
  const trimmed = name.replace(/^\$\.?/, '').replace(/^request\./i, '');
  return trimmed
    .split('.')
    .map((segment) => (segment ? segment[0].toLowerCase() + segment.slice(1) : segment))
    .join('.');
}

export function mapProblem(problem: ProblemDetails | null | undefined, status: number): { fields: Record<string, string>; message: string } {
  const fields: Record<string, string> = {};
  const errors = problem?.errors;
  if (errors && typeof errors === 'object') {
    for (const [key, value] of Object.entries(errors)) {
      const first = Array.isArray(value) ? value[0] : value;
      if (typeof first !== 'string' || !first) continue;
      const field = normaliseFieldName(key);
      if (!(field in fields)) fields[field] = first;
    }
  }
  return { fields, message: problemMessage(problem, status) };
}

/** "Title. Detail" when both are there (titles say what, details say what to do), else whichever exists. */
export function problemMessage(problem: ProblemDetails | null | undefined, status: number): string {
  const title = problem?.title?.trim();
  const detail = problem?.detail?.trim();
  if (title && detail) return /[.!?]$/.test(title) ? `${title} ${detail}` : `${title}. ${detail}`;
  return detail || title || defaultMessage(status);
}

export function defaultMessage(status: number): string {
  const w = apiStrings.problems;
  if (status === 0) return w.offline;
  if (status === 401) return w.signIn;
  if (status === 403) return w.forbidden;
  if (status === 404) return w.notFound;
  if (status === 429) return w.tooMany;
  if (status >= 500) return w.server;
  return w.failed(status);
}

/** Splits field errors into those a form shows next to its fields and a remainder for the form itself. */
export function splitFieldErrors(error: ApiError, knownFields: readonly string[]): { fields: Record<string, string>; formMessage: string | null } {
  const fields: Record<string, string> = {};
  const rest: string[] = [];
  for (const [key, message] of Object.entries(error.fieldErrors)) {
    if (knownFields.includes(key)) fields[key] = message;
    else rest.push(message);
  }
  const hasFields = Object.keys(fields).length > 0;
  const formMessage = rest.length ? rest.join(' ') : hasFields ? null : error.message;
  return { fields, formMessage };
}

export async function readProblem(response: Response): Promise<ProblemDetails | null> {
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return null;
  try {
    return (await response.json()) as ProblemDetails;
  } catch {
    return null;
  }
}

/** What to tell the user about a failed call: the server's words when it answered (or "offline"), else `fallback`. */
export function errorMessage(error: unknown, fallback: string): string {
  return error instanceof ApiError ? error.message : fallback;
}
