// Colour bands for "what remains": green above 20 % left, yellow from 5 to 20 %, red below 5 % or over budget.
import { ui } from './strings';

export type Band = 'green' | 'yellow' | 'red' | 'neutral';

/** Share of the budget that is left (negative when over). Null when there is no budget to compare with. */
export function fractionLeft(remaining: number, budget: number): number | null {
  if (!Number.isFinite(remaining) || !Number.isFinite(budget) || budget <= 0) return null;
  return remaining / budget;
}

export function bandFor(remaining: number, budget: number): Band {
  const left = fractionLeft(remaining, budget);
  if (left === null) return remaining < 0 ? 'red' : 'neutral';
  if (left > 0.2) return 'green';
  if (left >= 0.05) return 'yellow';
  return 'red';
}

/** Width of the "left" bar in percent, clamped to 0–100. */
export function barWidth(remaining: number, budget: number): number {
  const left = fractionLeft(remaining, budget);
  if (left === null) return 0;
  return Math.max(0, Math.min(100, Math.round(left * 1000) / 10));
}

export const BAND_LABEL: Record<Band, string> = ui.bands;
