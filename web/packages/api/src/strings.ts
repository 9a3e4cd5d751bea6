// The API client's words (English): what a failed request says when the server sent no problem details of its own.
// See docs/translating.md.
const en = {
  problems: {
    offline: 'You appear to be offline. Check the connection and try again.',
    signIn: 'Please sign in again.',
    forbidden: 'You are not allowed to do this.',
    notFound: 'Not found.',
    tooMany: 'Too many attempts. Wait a moment and try again.',
    server: 'The server had a problem. Try again in a moment.',
    failed: (status: number) => `The request failed (${status}).`,
  },
};

export type ApiStrings = typeof en;

/** The strings in use: one language for now. */
export const apiStrings: ApiStrings = en;
