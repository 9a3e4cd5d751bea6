// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { IDBFactory } from 'fake-indexeddb';
import { createApiClient, indexedDbStore, OfflineQueue, type ModuleContext } from '@trackstack/api';
import { mount } from '../src/index';
import { TrainingHomeCard } from '../src/TrainingHomeCard';
import { button, cleanup, click, render, settle } from '../../../packages/ui/test/render';

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const plain = (s: string | null | undefined) => (s ?? '').replace(/[\u00a0\u202f]/g, ' ');

const settings = { unit: 'kg', formula: 'epley', shareLog: false };
const bench = { id: 'b1', name: 'Bench Press (Barbell)', equipment: 'barbell', type: 'weightReps', primaryMuscles: ['chest'], secondaryMuscles: [], aliases: ['Bench Press'], builtIn: true };
const routine = { id: 'r1', name: 'PPL', version: 1, days: [{ name: 'Push', exercises: [] }] };
const draft = {
  routineId: 'r1', routineDay: 0, name: 'PPL: Push',
  exercises: [{ exerciseId: 'b1', exerciseName: 'Bench Press (Barbell)', targetSets: 2, repMin: 8, repMax: 12, targetRpe: null, restSeconds: 120, superset: null, progression: 'doubleProgression',
    lastTime: [], suggestion: { weightKg: 62.5, reps: 8, reason: '' }, sets: [{ kind: 'working', weightKg: 62.5, reps: 8 }, { kind: 'working', weightKg: 62.5, reps: 8 }] }],
};
const summary = { lastWorkout: { id: 'w1', userId: 'u1', name: 'Push day', startedAt: '2026-11-30T17:00:00Z', endedAt: null, source: 'app', setCount: 12, volumeKg: 5400, exerciseCount: 3 }, weekStart: '2026-11-30', sessionsThisWeek: 2, setsThisWeek: 20, volumeThisWeekKg: 8000, unit: 'kg' };

function context(respond: (r: Request, path: string) => Response | Promise<Response>, queue?: OfflineQueue, role = 'owner', userId = 'u1'): ModuleContext {
  const client = createApiClient({ baseUrl: 'http://app.test', readCookie: () => undefined, onSignInRequired: () => {}, fetch: async (r) => respond(r, new URL(r.url).pathname) });
  return { client, queue, userId, household: { id: 'h1', name: 'Home', currency: 'EUR', locale: 'en-GB', timeZone: 'Europe/Brussels', role: role as 'owner' }, now: () => new Date('2026-12-01T10:00:00Z') };
}

const reads = (p: string, url?: URL) =>
  p.endsWith('/settings') ? json(settings)
  : p.endsWith('/routines') ? json({ items: [routine], page: 1, pageSize: 50, total: 1 })
  : p.endsWith('/days/0/start') ? json(draft)
  : p.endsWith('/exercises') ? json({ items: [bench], page: 1, pageSize: 500, total: 1, query: url?.search })
  : json({}, 500);

let unmount: (() => void) | null = null;
afterEach(() => { act(() => unmount?.()); unmount = null; cleanup(); localStorage.clear(); location.hash = ''; });

async function mountScreen(ctx: ModuleContext) {
  const el = document.body.appendChild(document.createElement('div'));
  await act(async () => { unmount = mount(el, ctx); });
  return el;
}

describe('gym mode', () => {
  it('starts a routine day pre-filled, completes sets with one tap, and queues the finished workout with its client id when offline', async () => {
    const queue = new OfflineQueue({ store: indexedDbStore(new IDBFactory()), send: async () => new Response(null, { status: 201 }), channel: null, locks: null });
    const el = await mountScreen(context((r, p) => { if (r.method === 'POST') throw new TypeError('Failed to fetch'); return reads(p); }, queue));
    await settle(20);
    await click(button(el, 'PPL: Push'));
    await settle(20);
    expect(el.querySelector('[data-current-exercise]')?.textContent).toBe('Bench Press (Barbell)');
    expect(el.querySelector('[data-current-set]')?.textContent).toBe('Set 1 of 2');
    expect(el.querySelector<HTMLInputElement>('input[name=weight]')!.value).toBe('62.5');
    expect(plain(el.querySelector('[data-plates]')?.textContent)).toBe('Per side: 20 + 1.25');
    await click(el.querySelector('[aria-label="More weight"]'));
    await click(button(el, 'Complete set'));
    expect(el.querySelector('[role=timer]')?.textContent).toContain('Rest 2:00');
    expect(el.querySelector('[data-current-set]')?.textContent).toBe('Set 2 of 2');
    // Kept on the device while in progress: a reload would find it.
    expect(JSON.parse(localStorage.getItem('ts.training.workout:u1:h1')!).done).toHaveLength(1);
    await click(el.querySelector('[aria-label="One rep less"]'));
    await click(button(el, 'Complete set'));
    await click(button(el, 'Finish workout'));
    await settle(50);
    const [item] = await queue.list();
    expect(item.url).toBe('/api/households/h1/training/workouts');
    const body = item.body as { id: string; routineId: string; sets: { weightKg: number; reps: number; kind: string }[] };
    expect(body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.routineId).toBe('r1');
    expect(body.sets.map((s) => [s.weightKg, s.reps, s.kind])).toEqual([[65, 8, 'working'], [62.5, 7, 'working']]);
    expect(el.textContent).toContain('Workout saved on this device');
    expect(localStorage.getItem('ts.training.workout:u1:h1')).toBeNull();
  });

  it('keeps a workout in progress for its member only: another member on the same device starts afresh', async () => {
    const el = await mountScreen(context((_r, p) => reads(p)));
    await settle(20);
    await click(button(el, 'PPL: Push'));
    await settle(20);
    await click(button(el, 'Complete set'));
    expect(el.querySelector('[data-current-set]')?.textContent).toBe('Set 2 of 2');
    act(() => unmount?.());
    el.remove();
    const other = await mountScreen(context((_r, p) => reads(p), undefined, 'member', 'u2'));
    await settle(20);
    expect(other.querySelector('[data-current-exercise]')).toBeNull();
    expect(button(other, 'PPL: Push')).toBeTruthy();
    // The first member's sets are still there for them.
    expect(JSON.parse(localStorage.getItem('ts.training.workout:u1:h1')!).done).toHaveLength(1);
  });

  it('adds an exercise from the library to an empty workout and sends it when online', async () => {
    const posted = vi.fn();
    const el = await mountScreen(context(async (r, p) => {
      if (r.method === 'POST') { posted(await r.json()); return json({}, 201); }
      return reads(p, new URL(r.url));
    }));
    await settle(20);
    await click(button(el, 'Start an empty workout'));
    await click(button(el, 'Add exercise'));
    await settle(20);
    await click(button(el, 'Bench Press (Barbell)'));
    const weight = el.querySelector<HTMLInputElement>('input[name=weight]')!;
    await act(async () => { Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(weight, '40'); weight.dispatchEvent(new Event('input', { bubbles: true })); });
    await click(el.querySelector('[aria-label="One rep more"]'));
    await click(button(el, 'Warm-up'));
    await click(button(el, 'Complete set'));
    await click(button(el, 'Finish workout'));
    await settle(50);
    expect(posted).toHaveBeenCalledTimes(1);
    expect(posted.mock.calls[0][0].sets).toEqual([expect.objectContaining({ exerciseId: 'b1', weightKg: 40, reps: 1, kind: 'warmUp' })]);
    expect(el.textContent).toContain('Workout saved.');
  });

  it('shows a viewer no logging controls', async () => {
    const el = await mountScreen(context((_, p) => reads(p), undefined, 'viewer'));
    await settle(20);
    expect(el.textContent).toContain('Viewers read the log');
    expect(el.textContent).not.toContain('Start an empty workout');
  });

  it('asks the whole exercise library in one page of 500', async () => {
    const seen: string[] = [];
    const el = await mountScreen(context((r, p) => { seen.push(new URL(r.url).pathname + new URL(r.url).search); return reads(p); }));
    await settle(20);
    await click(button(el, 'Start an empty workout'));
    await click(button(el, 'Add exercise'));
    await settle(20);
    expect(seen).toContain('/api/households/h1/training/exercises?pageSize=500');
    expect(seen).toContain('/api/households/h1/training/routines?page=1&pageSize=50');
  });
});

describe('the Training home card', () => {
  it('shows this week and the last workout', async () => {
    const el = await render(<TrainingHomeCard context={context((_, p) => p.endsWith('/summary') ? json(summary) : json({}, 500))} />);
    await vi.waitFor(() => expect(el.querySelector('[data-module="training"][data-state="ready"]')).not.toBeNull());
    const text = plain(el.textContent);
    expect(text).toContain('2sessions this week');
    expect(text).toContain('8,000kg lifted this week');
    expect(el.querySelector('[data-last-workout]')?.textContent).toBe('Push day');
    expect(el.querySelector('[data-next-day]')).toBeNull();
  });

  it('names the next routine day when the member has one', async () => {
    const next = { ...summary, nextRoutineDay: { routineId: 'r1', routineName: 'PPL', day: 1, dayName: 'Pull' } };
    const el = await render(<TrainingHomeCard context={context((_, p) => p.endsWith('/summary') ? json(next) : json({}, 500))} />);
    await vi.waitFor(() => expect(el.querySelector('[data-next-day]')?.textContent).toBe('next: PPL, Pull'));
  });

  it('says it is not set up when the server answers 404', async () => {
    const el = await render(<TrainingHomeCard context={context(() => json({}, 404))} />);
    await vi.waitFor(() => expect(el.textContent).toContain('Training is not set up here yet'));
  });
});
