// What the import form sends: a page address, or pasted text read as JSON-LD or HTML by its first character.
import { t } from '../strings';

export type ImportBody = { url: string | null; jsonLd: string | null; html: string | null };
export type PastedKind = 'jsonLd' | 'html' | 'url';

/** The server takes request bodies up to 1 MiB; a little is kept for the JSON around the text. */
export const MAX_BODY_BYTES = 1_040_000;

/** A recipe page's address: http(s) only, as the server fetches nothing else. */
export function checkUrl(typed: string): { body: ImportBody } | { error: string } {
  const text = typed.trim();
  let url: URL;
  try { url = new URL(text); } catch { return { error: t.importForm.typeUrl }; }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { error: t.importForm.typeUrl };
  return { body: { url: text, jsonLd: null, html: null } };
}

/** What pasted text looks like: JSON-LD starts with { or [, a page with <, an address with http(s)://. */
export function pastedKind(text: string): PastedKind | null {
  const start = text.trimStart();
  if (start.startsWith('{') || start.startsWith('[')) return 'jsonLd';
  if (start.startsWith('<')) return 'html';
  if (/^https?:\/\/\S+$/i.test(start.trimEnd())) return 'url';
  return null;
}

/** The body for pasted text, or why it cannot be sent. JSON is parsed here to say so at once when it is broken;
 * whether it holds a Recipe is the server's to say. */
export function readPasted(text: string): { body: ImportBody; kind: PastedKind } | { error: string } {
  const kind = pastedKind(text);
  if (kind === null) return { error: t.importForm.pasteSomething };
  if (kind === 'url') {
    const checked = checkUrl(text);
    return 'error' in checked ? checked : { ...checked, kind };
  }
  if (kind === 'jsonLd') {
    try { JSON.parse(text); } catch (e) { return { error: t.importForm.notJson(e instanceof Error ? e.message : String(e)) }; }
    return { body: { url: null, jsonLd: text.trim(), html: null }, kind };
  }
  return { body: fitHtml(text), kind };
}

const bytes = (body: ImportBody) => new TextEncoder().encode(JSON.stringify(body)).length;

/** A whole page can be larger than the server takes; the recipe is in its JSON-LD scripts, so a page too large is
 * sent as those scripts alone (the server reads them the same way). */
export function fitHtml(html: string): ImportBody {
  const whole = { url: null, jsonLd: null, html };
  if (bytes(whole) <= MAX_BODY_BYTES) return whole;
  const scripts = ldJsonScripts(html);
  return scripts.length ? { url: null, jsonLd: null, html: scripts.join('\n') } : whole;
}

/** The page's ld+json script elements, found with indexOf (as the server does) rather than a regex over megabytes. */
export function ldJsonScripts(html: string): string[] {
  const lower = html.toLowerCase();
  const found: string[] = [];
  let at = 0;
  while ((at = lower.indexOf('<script', at)) >= 0) {
    const tagEnd = lower.indexOf('>', at);
    if (tagEnd < 0) break;
    const close = lower.indexOf('</script', tagEnd);
    if (close < 0) break;
    if (lower.slice(at, tagEnd).includes('application/ld+json')) found.push(`${html.slice(at, close)}</script>`);
    at = close;
  }
  return found;
}

/** True when the body is more than the server accepts (checked before sending, so the message is ours and clear). */
export const tooLarge = (body: ImportBody) => bytes(body) > MAX_BODY_BYTES;
