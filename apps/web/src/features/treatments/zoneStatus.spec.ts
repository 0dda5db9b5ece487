import { evaluateZoneDepths, zoneFindingClass, type ZoneCode } from '@skinledger/domain';
import { needsOverride, TONE_FILL, TONE_LABEL, zoneState, type ZoneLimits } from './zoneStatus';

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

  it('"blocks the session" deeper than the practitioner’s licence allows, whatever reason is given', () => {
    const state = zoneState('cheeks', draft(2.0, 'deep scarring'), limits);
    expect(state.tone).toBe('blocked');
    expect(state.findings.some((f) => f.severity === 'refused')).toBe(true);
  });

  it('"blocks the session" above the clinic’s zone maximum while no reason is recorded, as the preflight files it', () => {
    const state = zoneState('forehead', draft(0.75), limits);
    expect(state.tone).toBe('blocked');
    expect(TONE_LABEL[state.tone]).toBe('blocks the session');
    expect(TONE_FILL.blocked).toContain('red');
  });

  it('is a warning above the clinic’s zone maximum once a reason is recorded, and deeper than the maker’s 1.5 mm', () => {
    const state = zoneState('forehead', draft(0.75, 'thick skin, agreed with the patient'), limits);
    expect(state.tone).toBe('warning');
    expect(TONE_LABEL[state.tone]).toBe('warning, may start');
    expect(TONE_FILL.warning).toContain('yellow');
    expect(zoneState('stretch_marks', draft(2.0), { zoneMaxMm: {}, practitionerMaxDepthMm: 2.5 }).tone).toBe('warning');
  });

  it('is red exactly when the preflight would list a blocker for the zone, amber exactly for its warnings', () => {
    const cases: [ZoneCode, number, string][] = [
      ['forehead', 0.5, ''],
      ['forehead', 0.75, ''],
      ['forehead', 0.75, 'thick skin'],
      ['cheeks', 1.75, 'deep scars'],
      ['stretch_marks', 2, ''],
      ['stretch_marks', 2.5, ''],
      ['nose', 0.3, ''],
    ];
    for (const [zone, depthMm, reason] of cases) {
      const { findings } = evaluateZoneDepths({ zones: [{ zone, depthMm, passes: 2, overrideReason: reason }], zoneMaxMm: limits.zoneMaxMm, practitionerMaxDepthMm: limits.practitionerMaxDepthMm });
      const expected = findings.some((f) => zoneFindingClass(f) === 'blocker') ? 'blocked' : findings.length > 0 ? 'warning' : 'ok';
      expect([zone, depthMm, reason, zoneState(zone, draft(depthMm, reason), limits).tone]).toEqual([zone, depthMm, reason, expected]);
    }
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
