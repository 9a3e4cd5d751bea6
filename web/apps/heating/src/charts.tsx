// Hand-written SVG charts: small, themeable through CSS variables, with a title, a description and a data table
// alternative for screen readers.
import { useId } from 'react';
import { fitLine, niceMax, scale, ticks, type IntervalPoint } from './logic';
import { t as strings } from './strings';

const W = 340, H = 200, PAD = { l: 36, r: 8, t: 10, b: 28 };

export interface MonthBar { label: string; current: number | null; last: number | null }

/** Units per month, this season next to last season. */
export function SeasonBars({ data, title, unit, fmt }: { data: MonthBar[]; title: string; unit: string; fmt: (n: number) => string }) {
  const id = useId();
  const max = niceMax(Math.max(0, ...data.flatMap((d) => [d.current ?? 0, d.last ?? 0])));
  const y = scale(max, H - PAD.b, PAD.t);
  const band = (W - PAD.l - PAD.r) / Math.max(1, data.length);
  const bw = Math.max(3, Math.min(16, band / 2 - 3));
  return (
    <figure className="chart" data-chart="season-bars">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-t ${id}-d`}>
        <title id={`${id}-t`}>{title}</title>
        <desc id={`${id}-d`}>{data.map((d) => strings.plot.seasonLastSeason(d.label, d.current === null ? strings.plot.noData : `${fmt(d.current)} ${unit}`, d.last === null ? strings.plot.noData : `${fmt(d.last)} ${unit}`)).join('; ')}</desc>
        {ticks(max).map((t) => (
          <g key={t} className="grid">
            <line x1={PAD.l} x2={W - PAD.r} y1={y(t)} y2={y(t)} />
            <text x={PAD.l - 4} y={y(t) + 4} textAnchor="end">{fmt(t)}</text>
          </g>
        ))}
        {data.map((d, i) => {
          const cx = PAD.l + band * i + band / 2;
          return (
            <g key={d.label}>
              {d.last !== null ? <rect className="bar-last" x={cx - bw - 1} width={bw} y={y(d.last)} height={Math.max(0, y(0) - y(d.last))} rx={2} /> : null}
              {d.current !== null ? <rect className="bar-current" x={cx + 1} width={bw} y={y(d.current)} height={Math.max(0, y(0) - y(d.current))} rx={2} /> : null}
              <text className="axis" x={cx} y={H - 10} textAnchor="middle">{d.label}</text>
            </g>
          );
        })}
      </svg>
      <figcaption className="legend"><span className="swatch swatch-current" aria-hidden="true" />{strings.plot.season}<span className="swatch swatch-last" aria-hidden="true" />{strings.plot.lastSeason}<span className="muted">{strings.plot.perMonth(unit)}</span></figcaption>
    </figure>
  );
}

/** Daily use against daily degree days per refill interval, with the fitted line. */
export function SignatureChart({ points, baseload, slope, title, fmt }: { points: IntervalPoint[]; baseload: number | null; slope: number | null; title: string; fmt: (n: number) => string }) {
  const id = useId();
  const xMax = niceMax(Math.max(0, ...points.map((p) => p.x)));
  const line = baseload !== null && slope !== null ? fitLine(baseload, slope, xMax) : null;
  const yMax = niceMax(Math.max(0, ...points.map((p) => p.y), ...(line ? [line[1].y, line[0].y] : [])));
  const x = scale(xMax, PAD.l, W - PAD.r);
  const y = scale(yMax, H - PAD.b, PAD.t);
  return (
    <figure className="chart" data-chart="signature">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-t ${id}-d`}>
        <title id={`${id}-t`}>{title}</title>
        <desc id={`${id}-d`}>
          {strings.plot.refillIntervals(points.length)}{line ? strings.plot.fittedLineKwh(fmt(baseload!), fmt(slope!)) : strings.plot.noFittedLine}
          {' '}{points.map((p) => strings.plot.degreeDaysKwh(p.label, fmt(p.x), fmt(p.y), p.flagged ? strings.plot.unusual : '')).join('; ')}
        </desc>
        {ticks(yMax).map((t) => (
          <g key={`y${t}`} className="grid">
            <line x1={PAD.l} x2={W - PAD.r} y1={y(t)} y2={y(t)} />
            <text x={PAD.l - 4} y={y(t) + 4} textAnchor="end">{fmt(t)}</text>
          </g>
        ))}
        {ticks(xMax).map((t) => <text key={`x${t}`} className="axis" x={x(t)} y={H - 10} textAnchor="middle">{fmt(t)}</text>)}
        {line ? <line className="fit" x1={x(line[0].x)} y1={y(line[0].y)} x2={x(line[1].x)} y2={y(line[1].y)} /> : null}
        {points.map((p) => <circle key={p.label} className={p.flagged ? 'dot flagged' : 'dot'} cx={x(p.x)} cy={y(p.y)} r={5}><title>{p.label}</title></circle>)}
      </svg>
      <figcaption className="legend">{strings.plot.xDegreeDays}<span className="swatch swatch-fit" aria-hidden="true" />{strings.plot.fittedLine}</figcaption>
    </figure>
  );
}
