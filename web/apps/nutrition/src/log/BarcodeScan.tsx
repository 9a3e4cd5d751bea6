import { useEffect, useRef, useState } from 'react';
import { ApiError } from '@trackstack/api';
import { Button, Notice, TextField, useSubmit } from '@trackstack/ui';
import type { Food, NutritionApi } from '../api';
import { t } from '../strings';
import { checkBarcode, pickScanMode, scanUntilFound, stopStream, type ScanMode } from './barcode';
import './barcode.css';

type View = 'closed' | 'starting' | 'camera' | 'typed';

/** "Scan barcode" on the log: the camera where the browser reads barcodes itself, else (or when the camera is
 * refused) the digits typed. The server finds the household's food with that code or adds it from Open Food Facts;
 * the food then goes to the log form like a search result. The lookup needs the server, so offline it says so
 * rather than queueing. */
export function BarcodeScan({ api, onFound }: { api: NutritionApi; onFound: (food: Food) => void }) {
  const [view, setView] = useState<View>('closed');
  const [note, setNote] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const video = useRef<HTMLVideoElement>(null);
  // Closed by the user: the keyboard's place goes back to "Scan barcode" instead of the page's start.
  const opener = useRef<HTMLDivElement>(null);
  const [closedByUser, setClosedByUser] = useState(false);
  const close = () => { setView('closed'); setClosedByUser(true); };
  useEffect(() => {
    if (view !== 'closed' || !closedByUser) return;
    opener.current?.querySelector('button')?.focus();
    setClosedByUser(false);
  }, [view, closedByUser]);
  const s = useSubmit(['barcode'], { fallback: t.barcode.couldNotLookUp });

  const lookUp = (typed: string) => s.run(async () => {
    const checked = checkBarcode(typed);
    if ('error' in checked) return s.invalid({ barcode: checked.error });
    if (navigator.onLine === false) return s.invalid({ barcode: t.barcode.offline });
    let food: Food;
    try {
      food = await api.findBarcode(checked.code);
    } catch (e) {
      if (e instanceof ApiError && e.offline) return s.invalid({ barcode: t.barcode.offline });
      if (e instanceof ApiError && e.notFound) return s.invalid({ barcode: t.barcode.notFound(checked.code) });
      throw e; // the server's words next to the field (lookup off on this server, Open Food Facts down)
    }
    setView('closed'); setCode('');
    onFound(food);
  });

  // The camera runs only while this view is open: every way out (found, closed, typed instead, unmounted) stops it.
  useEffect(() => {
    if (view !== 'starting' && view !== 'camera') return;
    let stream: MediaStream | null = null;
    let stopScan = () => {};
    let gone = false;
    void (async () => {
      const mode = await pickScanMode().catch((): ScanMode => ({ mode: 'typed', reason: 'noDetector' }));
      if (gone) return;
      if (mode.mode === 'typed') { setNote(t.barcode.noDetector); setView('typed'); return; }
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
      } catch {
        if (!gone) { setNote(t.barcode.cameraRefused); setView('typed'); }
        return;
      }
      if (gone || !video.current) { stopStream(stream); return; }
      video.current.srcObject = stream;
      try { await video.current.play(); } catch { /* autoplay: the muted video starts by itself */ }
      // Closed (or unmounted) while the video started: the cleanup has run, so stop here too.
      if (gone) { stopStream(stream); return; }
      setView('camera');
      stopScan = scanUntilFound(() => mode.detector.detect(video.current!), (found) => {
        stopStream(stream);
        setCode(found);
        setNote(null);
        setView('typed');
        void lookUp(found);
      });
    })();
    return () => { gone = true; stopScan(); stopStream(stream); if (video.current) video.current.srcObject = null; };
    // Started once per opening: `starting` → `camera` is the same session.
  }, [view === 'starting' || view === 'camera']);

  if (view === 'closed') {
    return (
      <div className="barcode-open" ref={opener}>
        <Button variant="secondary" onClick={() => { setNote(null); s.clearFieldError('barcode'); setView('starting'); }} data-action="scan">{t.barcode.scan}</Button>
      </div>
    );
  }
  return (
    <div className="barcode" data-barcode={view}>
      {view === 'starting' || view === 'camera' ? (
        <>
          <video ref={video} className="barcode-video" muted playsInline autoPlay aria-label={t.barcode.camera} />
          <p className="muted">{t.barcode.cameraHint}</p>
          <div className="row-actions">
            <Button variant="secondary" autoFocus onClick={() => setView('typed')}>{t.barcode.typeInstead}</Button>
            <Button variant="ghost" onClick={close}>{t.barcode.close}</Button>
          </div>
        </>
      ) : (
        <form ref={s.formRef} noValidate onSubmit={(e) => { e.preventDefault(); void lookUp(code); }} data-form="barcode">
          {note ? <Notice kind="info"><p>{note}</p></Notice> : null}
          <TextField label={t.barcode.label} name="barcode" autoFocus inputMode="numeric" autoComplete="off" enterKeyHint="search" value={code}
            onChange={(e) => { setCode(e.target.value); s.clearFieldError('barcode'); }} error={s.fieldErrors.barcode} hint={t.barcode.hint} />
          {s.formError ? <Notice kind="error"><p>{s.formError}</p></Notice> : null}
          <div className="row-actions">
            <Button type="submit" busy={s.busy}>{t.barcode.lookUp}</Button>
            <Button variant="ghost" onClick={close}>{t.barcode.close}</Button>
          </div>
        </form>
      )}
    </div>
  );
}
