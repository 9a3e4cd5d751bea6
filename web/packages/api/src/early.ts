// Answers that public/early.js asked for before the app's JavaScript arrived (a cold load on a slow phone spends most
// of its time downloading and running that code): a GET of the same path takes the early answer, once.
declare global {
  interface Window { __tsEarly?: Partial<Record<string, Promise<Response>>> }
}

/** Early answers serve the page's first render only: one left over (another household was opened first) is not
 * handed out later as if it were fresh. */
const EARLY_FOR_MS = 10_000;

/** The early answer for this path (with its query), removed so it is used once; undefined when there is none or the
 * page has been open for longer than the first render takes. */
export function takeEarlyAnswer(path: string): Promise<Response> | undefined {
  const early = typeof window === 'undefined' ? undefined : window.__tsEarly;
  if (early && typeof performance !== 'undefined' && performance.now() > EARLY_FOR_MS) {
    window.__tsEarly = {};
    return undefined;
  }
  const answer = early?.[path];
  if (answer) delete early[path];
  return answer;
}

/** Wraps the client's fetch: a GET that early.js already sent takes that answer when it is a 2xx; anything else (an
 * expired access token's 401, a network error) asks again through `inner`, which renews the session. */
export function withEarlyAnswers(inner: (request: Request) => Promise<Response>): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET') return inner(request);
    const url = new URL(request.url);
    const early = typeof location !== 'undefined' && url.origin === location.origin ? takeEarlyAnswer(url.pathname + url.search) : undefined;
    if (early) {
      const answer = await early.catch(() => null);
      if (answer?.ok) return answer;
    }
    return inner(request);
  };
}
