// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, click, render, settle } from '../../packages/ui/test/render';
import { DigestsCard } from '../src/islands/DigestsCard';

const digest = (kind: string, enabled: boolean) => ({
  kind, title: kind === 'heating-week' ? 'Heating this week' : "The month's expenses", description: 'What it holds.',
  enabled, nextSend: '2026-12-07T07:00:00+01:00', timeZone: 'Europe/Berlin',
});
const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });

afterEach(() => { cleanup(); vi.unstubAllGlobals(); });

describe('the e-mail digests card', () => {
  it('shows a toggle per digest and turns one on for the signed-in member with one PUT of that digest', async () => {
    const sent: { method: string; path: string; body: unknown }[] = [];
    vi.stubGlobal('fetch', vi.fn(async (r: Request) => {
      const body = r.method === 'PUT' ? await r.json() : null;
      sent.push({ method: r.method, path: new URL(r.url).pathname, body });
      return json([digest('expenses-month', false), digest('heating-week', r.method === 'PUT')]);
    }));
    const el = await render(<DigestsCard householdId="h1" name="Home" />);
    await settle(10);
    const heating = el.querySelector<HTMLInputElement>('[data-digest="heating-week"] input[type=checkbox]')!;
    expect(heating.checked).toBe(false);
    expect(el.querySelectorAll('[data-digest]')).toHaveLength(2);
    await click(heating);
    await settle(10);
    expect(sent.at(-1)).toEqual({ method: 'PUT', path: '/api/households/h1/reports/digests/me', body: { digests: [{ kind: 'heating-week', enabled: true }] } });
    expect(el.querySelector<HTMLInputElement>('[data-digest="heating-week"] input')!.checked).toBe(true);
    expect(el.querySelector('[data-digest="heating-week"]')!.textContent).toContain('Next:');
  });
});
