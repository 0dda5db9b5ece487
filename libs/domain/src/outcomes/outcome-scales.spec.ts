import { changeFromBaselinePercent, findOutcomeScale, isImprovement, OUTCOME_SCALES, scoreProblem } from './outcome-scales';

describe('outcome scales (domain.md section 8)', () => {
  it('bounds Goodman & Baron: qualitative 1-4, quantitative 0-84', () => {
    expect(scoreProblem('goodman_baron_qualitative', 4)).toBeNull();
    expect(scoreProblem('goodman_baron_qualitative', 0)?.code).toBe('out-of-range');
    expect(scoreProblem('goodman_baron_qualitative', 2.5)?.code).toBe('not-whole');
    expect(scoreProblem('goodman_baron_quantitative', 84)).toBeNull();
    expect(scoreProblem('goodman_baron_quantitative', 85)?.code).toBe('out-of-range');
  });
  it('takes patient satisfaction 0-10', () => {
    expect(scoreProblem('patient_satisfaction', 0)).toBeNull();
    expect(scoreProblem('patient_satisfaction', 10)).toBeNull();
    expect(scoreProblem('patient_satisfaction', 11)?.code).toBe('out-of-range');
  });
  it('needs a method for device-measured indices', () => {
    expect(scoreProblem('pores_index', 41.5)?.code).toBe('method-required');
    expect(scoreProblem('pores_index', 41.5, '  ')?.code).toBe('method-required');
    expect(scoreProblem('pores_index', 41.5, 'VISIA Gen 7')).toBeNull();
  });
  it('refuses unknown scales and non-numbers', () => {
    expect(scoreProblem('vibes', 3)?.code).toBe('unknown-scale');
    expect(scoreProblem('glogau', Number.NaN)?.code).toBe('out-of-range');
  });
  it('computes change from baseline in percent', () => {
    expect(changeFromBaselinePercent(24, 12)).toBe(-50);
    expect(changeFromBaselinePercent(3, 4)).toBe(33.3);
    expect(changeFromBaselinePercent(null, 4)).toBeNull();
    expect(changeFromBaselinePercent(0, 4)).toBeNull();
  });
  it('knows which direction is better', () => {
    expect(isImprovement(findOutcomeScale('goodman_baron_quantitative')!, 24, 12)).toBe(true);
    expect(isImprovement(findOutcomeScale('patient_satisfaction')!, 6, 9)).toBe(true);
    expect(isImprovement(findOutcomeScale('patient_satisfaction')!, 9, 6)).toBe(false);
  });
  it('has one definition per code with a version', () => {
    expect(new Set(OUTCOME_SCALES.map((s) => s.code)).size).toBe(OUTCOME_SCALES.length);
    for (const s of OUTCOME_SCALES) expect(s.version.length).toBeGreaterThan(0);
  });
});
