// Canvas colours come from CSS variables (charts.css sets a palette for the dark and the light theme), read when a
// chart is drawn; a change of the page's theme (the data-theme attribute) redraws the charts.
import { useEffect, useState } from 'react';

export interface ChartTheme { series: string[]; axis: string; grid: string; target: string; font: string }

const FALLBACK: ChartTheme = {
  series: ['#6aa8ff', '#3fd48f', '#f3c74f', '#ff6f69', '#c792ea', '#4dd0e1', '#ffab70', '#9ba6b2'],
  axis: '#9ba6b2', grid: '#2b333d', target: '#f3c74f', font: 'system-ui, sans-serif',
};

/** The palette as the element sees it (its theme's variables); the fallback outside a browser. */
export function readTheme(el: Element | null): ChartTheme {
  if (!el || typeof getComputedStyle === 'undefined') return FALLBACK;
  const css = getComputedStyle(el);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return {
    series: FALLBACK.series.map((c, i) => v(`--chart-${i + 1}`, c)),
    axis: v('--muted', FALLBACK.axis),
    grid: v('--border', FALLBACK.grid),
    target: v('--chart-target', FALLBACK.target),
    font: v('--font', FALLBACK.font),
  };
}

/** Goes up whenever the page's theme changes. */
export function useThemeVersion(): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (typeof MutationObserver === 'undefined') return;
    const observer = new MutationObserver(() => setVersion((n) => n + 1));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme', 'class'] });
    return () => observer.disconnect();
  }, []);
  return version;
}
