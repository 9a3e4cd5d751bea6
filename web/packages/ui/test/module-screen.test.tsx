// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { ApiError, createApiClient, type ModuleContext } from '@trackstack/api';
import { useFormat } from '../src/components';
import { ModuleScreen, ModuleScreenSkeleton } from '../src/ModuleScreen';
import { isModuleUnavailable } from '../src/unavailable';
import { button, cleanup, click, render, settle } from './render';

const TABS = [{ id: 'overview', label: 'Overview' }, { id: 'settings', label: 'Settings' }] as const;
const context: ModuleContext = {
  client: createApiClient({ baseUrl: 'http://app.test', fetch: async () => new Response(null, { status: 500 }) }),
  household: { id: 'h1', name: 'Home', currency: 'EUR', locale: 'en-GB', timeZone: 'Pacific/Auckland', role: 'owner' },
  now: () => new Date('2026-11-30T12:00:00Z'),
};

function Today() {
  return <p className="today">{useFormat().today()}</p>;
}

function Screen({ probe }: { probe: (signal: AbortSignal) => Promise<string> }) {
  return (
    <ModuleScreen context={context} title="Garden" tabs={TABS} probe={probe}>
      {({ tab, setTab, probe: p, version, changed }) => (
        <section data-tab={tab} data-version={version} data-probe={p.data ?? p.status}>
          <Today />
          <button type="button" onClick={() => changed('Saved.')}>Change</button>
          <button type="button" onClick={() => { changed('Moved.'); setTab('settings'); }}>Save and go</button>
        </section>
      )}
    </ModuleScreen>
  );
}

const tabLink = (el: HTMLElement, label: string) => [...el.querySelectorAll<HTMLAnchorElement>('.tabs a')].find((a) => a.textContent === label)!;
const section = (el: HTMLElement) => el.querySelector('section')!;

beforeEach(() => { history.replaceState(null, '', '/garden'); window.scrollTo = vi.fn() as never; });
afterEach(cleanup);

describe('ModuleScreen', () => {
  it('opens the tab the URL hash names, and keeps the hash in step with the tabs', async () => {
    history.replaceState(null, '', '/garden#settings');
    const el = await render(<Screen probe={async () => 'ok'} />);
    expect(section(el).dataset.tab).toBe('settings');
    expect(tabLink(el, 'Settings').getAttribute('aria-current')).toBe('page');
    await click(tabLink(el, 'Overview'));
    expect(section(el).dataset.tab).toBe('overview');
    expect(location.hash).toBe('#overview');
    location.hash = '#settings';
    await settle();
    expect(section(el).dataset.tab).toBe('settings');
  });

  it('falls back to the first tab for an unknown hash', async () => {
    history.replaceState(null, '', '/garden#nope');
    const el = await render(<Screen probe={async () => 'ok'} />);
    expect(section(el).dataset.tab).toBe('overview');
  });

  it.each([404, 503])('says the module is not available when its API answers %i', async (status) => {
    const el = await render(<Screen probe={() => Promise.reject(new ApiError(status, null))} />);
    await settle();
    expect(el.textContent).toContain('The Garden module is not available on this server.');
    expect(el.querySelector('.tabs')).toBeNull();
  });

  it('keeps the tabs when the API fails otherwise (the panels say what went wrong)', async () => {
    const el = await render(<Screen probe={() => Promise.reject(new ApiError(500, null))} />);
    await settle();
    expect(el.querySelector('.tabs')).not.toBeNull();
    expect(section(el).dataset.probe).toBe('error');
    expect(isModuleUnavailable(new ApiError(0, null))).toBe(false);
  });

  it('reloads the probe after a change and shows its message until another tab is chosen', async () => {
    const probe = vi.fn(async () => `answer ${probe.mock.calls.length}`);
    const el = await render(<Screen probe={probe} />);
    await settle();
    expect(section(el).dataset.probe).toBe('answer 1');
    await click(button(el, 'Change'));
    await settle();
    expect(probe).toHaveBeenCalledTimes(2);
    expect(section(el).dataset.version).toBe('1');
    expect(el.querySelector('.notice-success')?.textContent).toBe('Saved.');
    await click(button(el, 'Save and go'));
    expect(section(el).dataset.tab).toBe('settings');
    expect(el.querySelector('.notice-success')?.textContent).toBe('Moved.');
    await click(tabLink(el, 'Overview'));
    expect(el.querySelector('.notice-success')).toBeNull();
    // A link elsewhere on the page (or Back) that changes the hash is another tab chosen too.
    await click(button(el, 'Change'));
    await settle();
    expect(el.querySelector('.notice-success')?.textContent).toBe('Saved.');
    await act(async () => { window.location.hash = '#settings'; window.dispatchEvent(new HashChangeEvent('hashchange')); });
    expect(section(el).dataset.tab).toBe('settings');
    expect(el.querySelector('.notice-success')).toBeNull();
  });

  it('gives the panels the household\'s today by the injected clock', async () => {
    const el = await render(<Screen probe={async () => 'ok'} />);
    expect(el.querySelector('.today')?.textContent).toBe('2026-12-01');
  });

  it('has a skeleton with the same title and tabs, the first one current', async () => {
    const el = await render(<ModuleScreenSkeleton title="Garden" tabs={TABS}><p>boxes</p></ModuleScreenSkeleton>);
    expect(el.querySelector('h1')?.textContent).toBe('Garden');
    expect([...el.querySelectorAll('.tabs a')].map((a) => `${a.getAttribute('href')} ${a.getAttribute('aria-current')}`)).toEqual(['#overview page', '#settings null']);
  });
});
