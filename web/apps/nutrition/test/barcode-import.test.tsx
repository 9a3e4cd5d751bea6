// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApiClient, type ModuleContext } from '@trackstack/api';
import { nutritionApi, type Food, type Recipe } from '../src/api';
import { checkBarcode, pickScanMode, scanUntilFound } from '../src/log/barcode';
import { BarcodeScan } from '../src/log/BarcodeScan';
import { fitHtml, pastedKind, readPasted, tooLarge } from '../src/recipes/importSource';
import { RecipeImport } from '../src/recipes/RecipeImport';
import { button, cleanup, click, render, settle } from '../../../packages/ui/test/render';
import { act } from 'react';

/** The real recipe fixtures the backend import tests use (tests/fixtures/SOURCES.md says where they come from). */
const fixtures = join(dirname(fileURLToPath(import.meta.url)), '../../../../tests/fixtures/nutrition');
const fixture = (name: string) => readFileSync(join(fixtures, name), 'utf8');
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function apiFor(respond: (r: Request) => Response | Promise<Response>) {
  const client = createApiClient({ baseUrl: 'http://app.test', readCookie: () => undefined, onSignInRequired: () => {}, fetch: async (r) => respond(r) });
  const ctx: ModuleContext = { client, household: { id: 'h1', name: 'Home', currency: 'EUR', locale: 'en-GB', timeZone: 'Europe/Brussels', role: 'owner' }, now: () => new Date() };
  return nutritionApi(ctx);
}

async function type(field: HTMLInputElement | HTMLTextAreaElement, value: string) {
  const proto = field instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  await act(async () => { Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(field, value); field.dispatchEvent(new Event('input', { bubbles: true })); });
}

const spread: Food = {
  id: '0193a1b2-0000-7000-8000-000000000001', name: 'St Hubert bio doux pour tartine et cuisine', household: true, brand: 'St Hubert', kcal: 470, protein: 0, fat: 52,
  saturatedFat: 17, carbohydrate: 0.5, sugars: 0.5, fibre: null, sodiumMg: 180, alcohol: null, units: [{ name: 'serving', grams: 10 }], recent: false, warnings: [],
  version: 1, barcode: '3366321052331', attribution: 'Data from Open Food Facts (openfoodfacts.org), available under the Open Database Licence (ODbL).',
};

describe('barcode codes and the choice of camera or typed entry', () => {
  it('takes GTIN lengths (8, 12, 13, 14 digits), drops spaces, and checks the check digit of 12 to 14 digit codes', () => {
    // Both real Open Food Facts products of tests/fixtures.
    expect(checkBarcode('3366321052331')).toEqual({ code: '3366321052331' });
    expect(checkBarcode(' 5 010251 168577 ')).toEqual({ code: '5010251168577' });
    expect(checkBarcode('036000291452')).toEqual({ code: '036000291452' }); // UPC-A
    expect(checkBarcode('96385074')).toEqual({ code: '96385074' }); // EAN-8
    expect(checkBarcode('')).toEqual({ error: 'Type the digits under the barcode.' });
    expect(checkBarcode('33663210523x1')).toEqual({ error: 'A barcode has digits only (0 to 9).' });
    expect(checkBarcode('1234567')).toEqual({ error: 'A barcode has 8, 12, 13 or 14 digits; this has 7.' });
    expect(checkBarcode('123456789012345')).toEqual({ error: 'A barcode has 8, 12, 13 or 14 digits; this has 15.' });
    expect(checkBarcode('12345678901')).toEqual({ error: 'A barcode has 8, 12, 13 or 14 digits; this has 11.' });
    expect(checkBarcode('3366321052332')).toEqual({ error: 'The last digit does not fit the others: check the digits for a typo.' });
  });

  const win = (detector: unknown, mediaDevices: unknown = { getUserMedia: () => {} }) =>
    ({ ...(detector ? { BarcodeDetector: detector } : {}), navigator: { mediaDevices } }) as unknown as Window;
  const detectorClass = (formats: string[] | Error) => {
    const made: { formats: string[] }[] = [];
    class Fake {
      constructor(options: { formats: string[] }) { made.push(options); }
      static getSupportedFormats = () => (formats instanceof Error ? Promise.reject(formats) : Promise.resolve(formats));
      detect = async () => [];
    }
    return { Fake, made };
  };

  it('uses the camera only with a detector that reads a retail format and a camera API; else typed entry, saying why', async () => {
    expect(await pickScanMode(win(null))).toEqual({ mode: 'typed', reason: 'noDetector' });
    expect(await pickScanMode(win(detectorClass(['qr_code', 'aztec']).Fake))).toEqual({ mode: 'typed', reason: 'noFormats' });
    expect(await pickScanMode(win(detectorClass(new Error('no')).Fake))).toEqual({ mode: 'typed', reason: 'noFormats' });
    expect(await pickScanMode(win(detectorClass(['ean_13']).Fake, null))).toEqual({ mode: 'typed', reason: 'noCamera' });
    const { Fake, made } = detectorClass(['qr_code', 'upc_a', 'ean_13', 'code_128']);
    expect((await pickScanMode(win(Fake))).mode).toBe('camera');
    expect(made).toEqual([{ formats: ['ean_13', 'upc_a'] }]);
  });

  it('detects every 250 ms, one try at a time, until a real barcode is seen, and not after stop', async () => {
    vi.useFakeTimers();
    try {
      const answers: ({ rawValue: string }[] | Error)[] = [[], new Error('video not ready'), [{ rawValue: 'https://example.org' }], [{ rawValue: '3366321052331' }]];
      let calls = 0;
      const found: string[] = [];
      scanUntilFound(async () => { const a = answers[calls++]; if (a instanceof Error) throw a; return a; }, (c) => found.push(c));
      await vi.advanceTimersByTimeAsync(249);
      expect(calls).toBe(0);
      await vi.advanceTimersByTimeAsync(1000);
      expect(calls).toBe(4);
      expect(found).toEqual(['3366321052331']);
      await vi.advanceTimersByTimeAsync(2000);
      expect(calls).toBe(4);

      let more = 0;
      const stop = scanUntilFound(async () => { more++; return []; }, () => {});
      await vi.advanceTimersByTimeAsync(600);
      expect(more).toBe(2);
      stop();
      await vi.advanceTimersByTimeAsync(2000);
      expect(more).toBe(2);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('the Scan barcode control', () => {
  afterEach(() => {
    cleanup();
    delete (window as { BarcodeDetector?: unknown }).BarcodeDetector;
    delete (navigator as { mediaDevices?: unknown }).mediaDevices;
  });

  it('puts the keyboard in the digits when it opens and back on "Scan barcode" when it is closed', async () => {
    const el = await render(<BarcodeScan api={apiFor(() => json(spread))} onFound={() => {}} />);
    await click(button(el, 'Scan barcode'));
    await settle();
    expect(document.activeElement).toBe(el.querySelector('input[name=barcode]'));
    await click(button(el, 'Close'));
    await settle();
    expect(document.activeElement).toBe(button(el, 'Scan barcode'));
  });

  it('without a detector offers typed entry, checks the digits in the browser, then finds the food', async () => {
    const bodies: unknown[] = [];
    const found: Food[] = [];
    const el = await render(<BarcodeScan api={apiFor(async (r) => { bodies.push(await r.json()); return json(spread, 201); })} onFound={(f) => found.push(f)} />);
    await click(button(el, 'Scan barcode'));
    await settle();
    expect(el.querySelector('[data-barcode="typed"] .notice')?.textContent).toContain('cannot read barcodes with the camera');
    const field = el.querySelector<HTMLInputElement>('input[name=barcode]')!;
    expect(field.inputMode).toBe('numeric');
    await type(field, '3366 321');
    await click(button(el, 'Look up'));
    await settle();
    expect(el.querySelector('.field-error')?.textContent).toBe('A barcode has 8, 12, 13 or 14 digits; this has 7.');
    expect(bodies).toEqual([]);
    await type(field, '3366321052332');
    await click(button(el, 'Look up'));
    await settle();
    expect(el.querySelector('.field-error')?.textContent).toBe('The last digit does not fit the others: check the digits for a typo.');
    expect(document.activeElement).toBe(field);
    expect(bodies).toEqual([]);
    await type(field, '3366321052331');
    await click(button(el, 'Look up'));
    await settle();
    expect(bodies).toEqual([{ barcode: '3366321052331' }]);
    expect(found.map((f) => f.id)).toEqual([spread.id]);
    expect(el.querySelector('[data-action="scan"]')).not.toBeNull();
  });

  it('says plainly when the product is unknown, lookup is off on the server, or the device is offline', async () => {
    let answer: () => Response = () => json({ title: 'Product with this barcode in Open Food Facts was not found.', status: 404 }, 404);
    let requests = 0;
    const el = await render(<BarcodeScan api={apiFor(() => { requests++; return answer(); })} onFound={() => {}} />);
    await click(button(el, 'Scan barcode'));
    await settle();
    const field = el.querySelector<HTMLInputElement>('input[name=barcode]')!;
    const lookUp = async () => { await click(button(el, 'Look up')); await settle(); return el.querySelector('.field-error')?.textContent; };
    await type(field, '4000000000006');
    expect(await lookUp()).toBe('Open Food Facts has no product with the barcode 4000000000006 (or none with its energy). Search for the food or add it by hand.');
    const off = 'Barcode lookup is off on this server (the operator sets TrackStack__Nutrition__OpenFoodFactsUrl); add the food by hand.';
    answer = () => json({ title: 'One or more validation errors occurred.', status: 400, errors: { barcode: [off] } }, 400);
    expect(await lookUp()).toBe(off);
    answer = () => { throw new TypeError('Failed to fetch'); };
    expect(await lookUp()).toContain('Barcode lookup needs a connection');
    expect(requests).toBe(3);
    const online = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    expect(await lookUp()).toContain('Barcode lookup needs a connection');
    expect(requests).toBe(3); // not even tried, and nothing queued
    online.mockRestore();
  });

  describe('with a camera', () => {
    let tracks: { stopped: boolean }[];
    let detected: { rawValue: string }[][];
    beforeEach(() => {
      tracks = [];
      detected = [];
      vi.spyOn(HTMLMediaElement.prototype, 'play').mockResolvedValue(undefined);
      (window as { BarcodeDetector?: unknown }).BarcodeDetector = class {
        static getSupportedFormats = async () => ['ean_13', 'ean_8', 'qr_code'];
        detect = async () => detected.shift() ?? [];
      };
    });
    const camera = (getUserMedia: (c: MediaStreamConstraints) => Promise<unknown>) =>
      Object.defineProperty(navigator, 'mediaDevices', { value: { getUserMedia }, configurable: true });
    const stream = (constraints: MediaStreamConstraints[]) => async (c: MediaStreamConstraints) => {
      constraints.push(c);
      const track = { stopped: false, stop() { this.stopped = true; } };
      tracks.push(track);
      return { getTracks: () => [track] };
    };

    it('opens the back camera, reads the code, turns the camera off and looks the code up', async () => {
      const constraints: MediaStreamConstraints[] = [];
      camera(stream(constraints));
      const bodies: unknown[] = [];
      const found: Food[] = [];
      const el = await render(<BarcodeScan api={apiFor(async (r) => { bodies.push(await r.json()); return json(spread); })} onFound={(f) => found.push(f)} />);
      detected = [[], [{ rawValue: '3366321052331' }]];
      await click(button(el, 'Scan barcode'));
      await settle(20);
      expect(el.querySelector('[data-barcode="camera"] video')).not.toBeNull();
      expect(constraints).toEqual([{ video: { facingMode: 'environment' }, audio: false }]);
      expect(tracks.map((x) => x.stopped)).toEqual([false]);
      await settle(600);
      expect(tracks.map((x) => x.stopped)).toEqual([true]);
      expect(bodies).toEqual([{ barcode: '3366321052331' }]);
      expect(found.map((f) => f.name)).toEqual([spread.name]);
    });

    it('turns the camera off when closed, when typing instead, and when the screen goes', async () => {
      camera(stream([]));
      const el = await render(<BarcodeScan api={apiFor(() => json(spread))} onFound={() => {}} />);
      await click(button(el, 'Scan barcode'));
      await settle(20);
      await click(button(el, 'Close'));
      await click(button(el, 'Scan barcode'));
      await settle(20);
      await click(button(el, 'Type the digits instead'));
      expect(el.querySelector('input[name=barcode]')).not.toBeNull();
      await click(button(el, 'Close'));
      await click(button(el, 'Scan barcode'));
      await settle(20);
      expect(tracks.map((x) => x.stopped)).toEqual([true, true, false]);
      cleanup();
      expect(tracks.map((x) => x.stopped)).toEqual([true, true, true]);
    });

    it('falls back to typed entry when the camera is refused', async () => {
      camera(() => Promise.reject(new DOMException('Permission denied', 'NotAllowedError')));
      const el = await render(<BarcodeScan api={apiFor(() => json(spread))} onFound={() => {}} />);
      await click(button(el, 'Scan barcode'));
      await settle(20);
      expect(el.querySelector('[data-barcode="typed"] .notice')?.textContent).toContain('The camera is not available');
      expect(el.querySelector('input[name=barcode]')).not.toBeNull();
    });
  });
});

describe('the recipe import form', () => {
  afterEach(() => cleanup());

  it('reads pasted text as JSON-LD, HTML or an address by its first character', () => {
    const ld = fixture('rs_bbcgoodfood_2_monster-cupcakes.ld.json');
    const page = fixture('recipe-page-grilled-cheese-and-greens.html');
    expect(pastedKind(ld)).toBe('jsonLd');
    expect(pastedKind(`\n  ${page}`)).toBe('html');
    expect(pastedKind(' https://www.bbcgoodfood.com/recipes/monster-cupcakes ')).toBe('url');
    expect(pastedKind('Monster cupcakes: 12 cupcakes')).toBeNull();
    expect(readPasted(ld)).toEqual({ kind: 'jsonLd', body: { url: null, jsonLd: ld.trim(), html: null } });
    expect(readPasted(page)).toEqual({ kind: 'html', body: { url: null, jsonLd: null, html: page } });
    expect(readPasted(' https://example.org/r ')).toEqual({ kind: 'url', body: { url: 'https://example.org/r', jsonLd: null, html: null } });
    const broken = readPasted(ld.slice(0, 200));
    expect('error' in broken && broken.error.startsWith('This starts like JSON-LD but is not valid JSON')).toBe(true);
    expect(readPasted('just words')).toEqual({ error: expect.stringContaining('Paste the page') });
  });

  it('sends a page larger than the server takes as its JSON-LD scripts alone, and says so when even that is too large', () => {
    const page = fixture('recipe-page-grilled-cheese-and-greens.html');
    const big = page.replace('</body>', `<div>${'<p>Lorem ipsum dolor sit amet.</p>'.repeat(40_000)}</div></body>`);
    expect(big.length).toBeGreaterThan(1_100_000);
    const body = fitHtml(big);
    expect(body.html!.startsWith('<script type="application/ld+json">')).toBe(true);
    expect(body.html).toContain('"name": "Grilled Cheese and Greens"');
    expect(body.html!.length).toBeLessThan(page.length);
    expect(tooLarge(body)).toBe(false);
    const noScripts = `<html>${'x'.repeat(1_100_000)}</html>`;
    expect(fitHtml(noScripts).html).toBe(noScripts);
    expect(tooLarge(fitHtml(noScripts))).toBe(true);
  });

  const imported = (title: string, linked: number, total: number) => ({
    id: 'r1', title, ingredients: Array.from({ length: total }, (_, i) => ({ text: `line ${i}`, foodId: i < linked ? 'sr28:01123' : null })),
  }) as unknown as Recipe;

  it('shows the server\'s reason next to the address, and a pasted recipe\'s import opens it with the links counted', async () => {
    const bodies: unknown[] = [];
    let answer = (): Response => json({ title: 'One or more validation errors occurred.', status: 400,
      errors: { url: ['127.0.0.1 is a private or local address (127.0.0.1); this server does not fetch from its own network.'] } }, 400);
    const done: [Recipe, string][] = [];
    const el = await render(<RecipeImport api={apiFor(async (r) => { bodies.push(await r.json()); return answer(); })} onImported={(r, m) => done.push([r, m])} onCancel={() => {}} />);
    const url = el.querySelector<HTMLInputElement>('input[name=url]')!;
    await type(url, 'ftp://example.org/x');
    await click(el.querySelector('[data-form="import-url"] button[type=submit]'));
    await settle();
    expect(el.querySelector('[data-form="import-url"] .field-error')?.textContent).toBe('Type the recipe page\'s address, starting with https://.');
    expect(bodies).toEqual([]);
    await type(url, 'http://127.0.0.1:8080/recipes/x');
    await click(el.querySelector('[data-form="import-url"] button[type=submit]'));
    await settle();
    expect(bodies).toEqual([{ url: 'http://127.0.0.1:8080/recipes/x', jsonLd: null, html: null }]);
    expect(el.querySelector('[data-form="import-url"] .field-error')?.textContent).toContain('private or local address');
    expect(document.activeElement).toBe(url);

    const pasted = el.querySelector<HTMLTextAreaElement>('textarea[name=pasted]')!;
    const ld = fixture('rs_bbcgoodfood_2_monster-cupcakes.ld.json');
    await type(pasted, ld);
    expect(pasted.getAttribute('data-kind')).toBe('jsonLd');
    expect(el.querySelector('[data-form="import-pasted"] .field-hint')?.textContent).toBe('Read as JSON-LD.');
    answer = () => json({ title: 'Request too large', status: 413 }, 413);
    await click(el.querySelector('[data-form="import-pasted"] button[type=submit]'));
    await settle();
    expect(el.querySelector('[data-form="import-pasted"] .field-error')?.textContent).toContain('more than the server takes');
    answer = () => json({ title: 'One or more validation errors occurred.', status: 400, errors: { jsonLd: ['No schema.org Recipe with a name was found in it.'] } }, 400);
    await click(el.querySelector('[data-form="import-pasted"] button[type=submit]'));
    await settle();
    expect(el.querySelector('[data-form="import-pasted"] .field-error')?.textContent).toBe('No schema.org Recipe with a name was found in it.');
    answer = () => json(imported('Monster cupcakes', 3, 5), 201);
    await click(el.querySelector('[data-form="import-pasted"] button[type=submit]'));
    await settle();
    expect(bodies.at(-1)).toEqual({ url: null, jsonLd: ld.trim(), html: null });
    expect(done.map(([r, m]) => [r.id, m])).toEqual([['r1', 'Monster cupcakes imported: 3 of 5 ingredients linked to a food. Edit the recipe to link the rest.']]);
  });
});
