/**
 * Outcome change for reports (issue 17): the course's last assessment against its baseline, in percent
 * (`changeFromBaselinePercent`, domain.md section 8), with the sign turned so that improvement is positive whatever
 * the scale's direction. A scar score falling from 24 to 12 is -50 % on the scale and +50 % improvement; a tone index
 * rising from 400 to 500 is +25 % on the scale and +25 % improvement.
 */
import { changeFromBaselinePercent, type OutcomeScale } from '../outcomes/outcome-scales';

export function improvementPercent(scale: Pick<OutcomeScale, 'lowerIsBetter'>, baseline: number | null | undefined, lastScore: number): number | null {
  const change = changeFromBaselinePercent(baseline, lastScore);
  if (change === null) return null;
  const improvement = scale.lowerIsBetter ? -change : change;
  // -0 would print as "-0"; no change is 0.
  return improvement === 0 ? 0 : improvement;
}

/**
 * The p-quantile (0..1) by linear interpolation between closest ranks: the same definition as PostgreSQL's
 * `percentile_cont`, so a figure computed in SQL and one recomputed here agree. Null for no values. Rounded to one
 * decimal like the percents it summarises.
 */
export function quantile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  if (!(p >= 0 && p <= 1)) throw new RangeError(`quantile: p must be within 0..1, got ${p}`);
  const sorted = [...values].sort((a, b) => a - b);
  const position = p * (sorted.length - 1);
  const below = Math.floor(position);
  const above = Math.ceil(position);
  const value = sorted[below] + (sorted[above] - sorted[below]) * (position - below);
  return Math.round(value * 10) / 10;
}
