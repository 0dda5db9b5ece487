import { needsOverride, TONE_LABEL, zoneState, type ZoneLimits } from './zoneStatus';

const limits: ZoneLimits = { zoneMaxMm: { cheeks: 1.5, forehead: 0.5 }, practitionerMaxDepthMm: 1.5 };
const draft = (depthMm: number, overrideReason = '') => ({ depthMm, passes: 2, overrideReason });

describe('how a zone shows on the face map', () => {
  it('is "not treated" until the zone is charted', () => {
    const state = zoneState('cheeks', undefined, limits);
    expect(state).toEqual({ tone: 'untreated', findings: [] });
    expect(TONE_LABEL[state.tone]).toBe('not treated');
  });

  it('is "within limits" for a depth inside the zone and licence maximums', () => {
    const state = zoneState('cheeks', draft(1.0), limits);
    expect(state.tone).toBe('ok');
    expect(state.findings).toEqual([]);
  });

  it('is "refused" deeper than the practitioner’s licence allows, whatever reason is given', () => {
    const state = zoneState('cheeks', draft(2.0, 'deep scarring'), limits);
    expect(state.tone).toBe('refused');
    expect(state.findings.some((f) => f.severity === 'refused')).toBe(true);
  });

  it('"needs care" above the clinic’s zone maximum when a reason is recorded', () => {
    const state = zoneState('forehead', draft(0.75, 'thick skin, agreed with the patient'), limits);
    expect(state.tone).toBe('caution');
    expect(TONE_LABEL[state.tone]).toBe('needs care');
  });
});

describe('when the depth needs an override reason', () => {
  it('asks for one only deeper than the clinic’s maximum for that zone', () => {
    expect(needsOverride('forehead', 0.5, limits)).toBe(false);
    expect(needsOverride('forehead', 0.75, limits)).toBe(true);
  });

  it('does not ask for a zone without a clinic maximum', () => {
    expect(needsOverride('scalp', 2.5, limits)).toBe(false);
  });

  it('ignores floating-point noise at the maximum (0.25-mm steps added up)', () => {
    expect(needsOverride('cheeks', 0.25 * 6, limits)).toBe(false);
    expect(needsOverride('forehead', 0.1 + 0.2 + 0.2, limits)).toBe(false);
  });
});
