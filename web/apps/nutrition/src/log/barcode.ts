// Barcode scanning without a library: the browser's own BarcodeDetector where it has one (Chrome on Android, some
// desktops), else the digits typed from under the bars. Both end in the same lookup on the server.
import { t } from '../strings';

/** The retail symbologies printed on food packs; a detector that reads none of them is no use here. */
export const RETAIL_FORMATS = ['ean_13', 'ean_8', 'upc_a', 'upc_e'] as const;

/** The part of the Barcode Detection API used here (not yet in TypeScript's DOM types). */
export interface Detector { detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]> }
interface DetectorClass {
  new (options: { formats: string[] }): Detector;
  getSupportedFormats(): Promise<string[]>;
}

export type ScanMode =
  | { mode: 'camera'; detector: Detector }
  | { mode: 'typed'; reason: 'noDetector' | 'noFormats' | 'noCamera' };

/** Camera when the browser has a BarcodeDetector that reads a retail format and a camera API; typed digits otherwise. */
export async function pickScanMode(win: Window = window): Promise<ScanMode> {
  if (!('BarcodeDetector' in win)) return { mode: 'typed', reason: 'noDetector' };
  const Barcode = (win as unknown as { BarcodeDetector: DetectorClass }).BarcodeDetector;
  let supported: string[];
  try { supported = await Barcode.getSupportedFormats(); } catch { supported = []; }
  const formats = RETAIL_FORMATS.filter((f) => supported.includes(f));
  if (formats.length === 0) return { mode: 'typed', reason: 'noFormats' };
  if (!win.navigator.mediaDevices?.getUserMedia) return { mode: 'typed', reason: 'noCamera' };
  try { return { mode: 'camera', detector: new Barcode({ formats }) }; } catch { return { mode: 'typed', reason: 'noFormats' }; }
}

/** GTIN check digit (EAN-13, UPC-A, GTIN-14): weights 3 and 1 from the right, before the check digit. */
function checkDigitOk(code: string): boolean {
  let sum = 0;
  for (let i = code.length - 2, w = 3; i >= 0; i--, w = 4 - w) sum += Number(code[i]) * w;
  return (10 - (sum % 10)) % 10 === Number(code[code.length - 1]);
}

/** The digits to look up, or what is wrong with them. Spaces are dropped (packs print "5 010251 168577"). The check
 * digit is tested for 12 to 14 digits only: an 8-digit code may be UPC-E, whose check digit is that of its long form. */
export function checkBarcode(typed: string): { code: string } | { error: string } {
  const code = typed.replace(/[\s-]/g, '');
  if (!code) return { error: t.barcode.typeDigits };
  if (!/^\d+$/.test(code)) return { error: t.barcode.onlyDigits };
  // GTIN lengths only: 8 (EAN-8, UPC-E), 12 (UPC-A), 13 (EAN-13), 14 (GTIN-14); 9 to 11 is a digit too few or many.
  if (![8, 12, 13, 14].includes(code.length)) return { error: t.barcode.length(code.length) };
  if (code.length >= 12 && !checkDigitOk(code)) return { error: t.barcode.checkDigit };
  return { code };
}

/** Detects every `everyMs` (the next try after the last one answered, never two at once) until a retail code is
 * seen or `stop` is called; a frame the detector cannot read is simply skipped. */
export function scanUntilFound(detect: () => Promise<{ rawValue: string }[]>, onFound: (code: string) => void, everyMs = 250): () => void {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const tick = async () => {
    if (stopped) return;
    let codes: { rawValue: string }[] = [];
    try { codes = await detect(); } catch { /* the video is not ready yet */ }
    if (stopped) return;
    const found = codes.map((c) => checkBarcode(c.rawValue)).find((c): c is { code: string } => 'code' in c);
    if (found) { stopped = true; onFound(found.code); return; }
    timer = setTimeout(tick, everyMs);
  };
  timer = setTimeout(tick, everyMs);
  return () => { stopped = true; clearTimeout(timer); };
}

/** Turns the camera off (the light goes out), whatever happened. */
export function stopStream(stream: MediaStream | null) {
  for (const track of stream?.getTracks() ?? []) track.stop();
}
