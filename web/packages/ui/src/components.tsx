import { createContext, useContext, useId, useMemo, type ButtonHTMLAttributes, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from 'react';
import { BAND_LABEL, bandFor, barWidth } from './bands';
import { DEFAULT_FORMAT, formatDate, formatDays, formatMoney, formatNumber, formatPercent, todayIn, type FormatContext } from './format';
import { ui } from './strings';

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'ghost';

export function Button({ variant = 'primary', busy = false, block = false, className, children, disabled, ...rest }:
  ButtonHTMLAttributes<HTMLButtonElement> & { variant?: ButtonVariant; busy?: boolean; block?: boolean }) {
  return (
    <button
      type="button"
      {...rest}
      className={['btn', `btn-${variant}`, block ? 'btn-block' : '', className ?? ''].join(' ').trim()}
      disabled={disabled || busy}
      aria-busy={busy || undefined}
    >
      {busy ? <span className="spinner" aria-hidden="true" /> : null}
      {children}
    </button>
  );
}

export function LinkButton({ href, variant = 'secondary', block = false, children, ...rest }:
  { href: string; variant?: ButtonVariant; block?: boolean; children: ReactNode } & Omit<React.AnchorHTMLAttributes<HTMLAnchorElement>, 'href'>) {
  return <a {...rest} href={href} className={['btn', `btn-${variant}`, block ? 'btn-block' : ''].join(' ').trim()}>{children}</a>;
}

export function TextField({ label, error, hint, className, id, ...rest }:
  InputHTMLAttributes<HTMLInputElement> & { label: string; error?: string | null; hint?: ReactNode }) {
  const auto = useId();
  const inputId = id ?? `f${auto}`;
  const hintId = hint ? `${inputId}-hint` : undefined;
  const errorId = error ? `${inputId}-error` : undefined;
  return (
    <div className={['field', error ? 'field-invalid' : '', className ?? ''].join(' ').trim()}>
      <label htmlFor={inputId}>{label}</label>
      <input
        id={inputId}
        {...rest}
        aria-invalid={error ? true : undefined}
        aria-describedby={[errorId, hintId].filter(Boolean).join(' ') || undefined}
      />
      {error ? <p className="field-error" id={errorId}>{error}</p> : null}
      {hint ? <p className="field-hint" id={hintId}>{hint}</p> : null}
    </div>
  );
}

export function SelectField({ label, error, hint, options, id, ...rest }:
  SelectHTMLAttributes<HTMLSelectElement> & { label: string; error?: string | null; hint?: ReactNode; options: { value: string; label: string }[] }) {
  const auto = useId();
  const selectId = id ?? `s${auto}`;
  const errorId = error ? `${selectId}-error` : undefined;
  const hintId = hint ? `${selectId}-hint` : undefined;
  return (
    <div className={['field', error ? 'field-invalid' : ''].join(' ').trim()}>
      <label htmlFor={selectId}>{label}</label>
      <select id={selectId} {...rest} aria-invalid={error ? true : undefined} aria-describedby={[errorId, hintId].filter(Boolean).join(' ') || undefined}>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
      {error ? <p className="field-error" id={errorId}>{error}</p> : null}
      {hint ? <p className="field-hint" id={hintId}>{hint}</p> : null}
    </div>
  );
}

/** A titled section of a screen. Cards are never nested. */
export function Card({ title, action, children, busy, className, ...rest }:
  { title: ReactNode; action?: ReactNode; children: ReactNode; busy?: boolean; className?: string } & Record<`data-${string}`, string | undefined>) {
  const headingId = useId();
  return (
    <section className={['card', className ?? ''].join(' ').trim()} aria-labelledby={headingId} aria-busy={busy || undefined} {...rest}>
      <header className="card-header">
        <h2 id={headingId}>{title}</h2>
        {action}
      </header>
      {children}
    </section>
  );
}

/** A placeholder block with the size of what will replace it. */
export function Skeleton({ width = '100%', height = '1em', radius, className }: { width?: string | number; height?: string | number; radius?: string; className?: string }) {
  return <span className={['skeleton', className ?? ''].join(' ').trim()} aria-hidden="true" style={{ width, height, borderRadius: radius }} />;
}

export function Notice({ kind = 'info', children, id }: { kind?: 'info' | 'error' | 'success' | 'warning'; children: ReactNode; id?: string }) {
  return <div id={id} className={`notice notice-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>{children}</div>;
}

/** A bar of what is left, coloured by band, with the figures in words for screen readers. */
export function ColorBar({ label, remaining, budget, detail }: { label: string; remaining: number; budget: number; detail?: ReactNode }) {
  const f = useFormat();
  const band = bandFor(remaining, budget);
  const width = barWidth(remaining, budget);
  // Tank amounts: whole currency units everywhere (bar, caption, screen reader), one rounding rule.
  const whole = (n: number) => f.money(n, { whole: true });
  const text = budget > 0
    ? ui.components.left(label, whole(remaining), whole(budget), BAND_LABEL[band])
    : `${label}: ${whole(remaining)}`;
  return (
    <div className={`colorbar band-${band}`} data-band={band}>
      <div className="colorbar-row">
        <span className="colorbar-label">{label}</span>
        <span className="colorbar-value">{whole(remaining)}{detail ? <span className="muted"> {detail}</span> : null}</span>
      </div>
      <div className="colorbar-track" role="meter" aria-label={text} aria-valuemin={0} aria-valuemax={100} aria-valuenow={width} aria-valuetext={text}>
        <span className="colorbar-fill" style={{ width: `${width}%` }} />
      </div>
    </div>
  );
}

export function BigNumber({ value, caption, band }: { value: ReactNode; caption?: ReactNode; band?: string }) {
  return (
    <div className={['bignumber', band ? `band-${band}` : ''].join(' ').trim()}>
      <span className="bignumber-value">{value}</span>
      {caption ? <span className="bignumber-caption">{caption}</span> : null}
    </div>
  );
}

const FormatCtx = createContext<FormatContext>(DEFAULT_FORMAT);

export function FormatProvider({ value, children }: { value: Partial<FormatContext> | null | undefined; children: ReactNode }) {
  const merged = useMemo(() => ({ ...DEFAULT_FORMAT, ...Object.fromEntries(Object.entries(value ?? {}).filter(([, v]) => v)) }) as FormatContext, [value]);
  return <FormatCtx.Provider value={merged}>{children}</FormatCtx.Provider>;
}

/** Formatters bound to the household's locale, currency and time zone, and today's date there. */
export function useFormat() {
  const ctx = useContext(FormatCtx);
  return useMemo(() => ({
    ctx,
    money: (amount: number, o?: { compact?: boolean; whole?: boolean }) => formatMoney(amount, ctx, o),
    number: (n: number, o?: Intl.NumberFormatOptions) => formatNumber(n, ctx.locale, o),
    percent: (fraction: number, o?: { signed?: boolean; digits?: number }) => formatPercent(fraction, ctx.locale, o),
    days: (n: number) => formatDays(n, ctx.locale),
    date: (d: Date | string | number, style?: 'short' | 'medium' | 'long') => formatDate(d, ctx, style),
    /** Today as "yyyy-MM-dd" in the household's time zone, by the provider's clock. */
    today: () => todayIn(ctx.timeZone, ctx.now?.()),
  }), [ctx]);
}

export function Money({ amount, compact }: { amount: number; compact?: boolean }) {
  const f = useFormat();
  return <>{f.money(amount, { compact })}</>;
}
