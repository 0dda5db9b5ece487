import { evaluateZoneDepths, zoneFindingClass, type ZoneDepthEntry } from './evaluate-zone-depths';
import { indicationLabel, isTreatmentIndication, TREATMENT_INDICATION_LABELS, TREATMENT_INDICATIONS } from './indications';

const one = (entry: Partial<ZoneDepthEntry> & { zone: string; depthMm: number }, extra = {}) =>
  evaluateZoneDepths({ zones: [{ passes: 2, ...entry }], ...extra });
const codes = (entry: Partial<ZoneDepthEntry> & { zone: string; depthMm: number }, extra = {}) =>
  one(entry, extra).findings.map((f) => `${f.code}:${f.severity}`);

describe('evaluateZoneDepths', () => {
  it('classifies medical at 0.5 mm and cosmetic at 0.25 mm', () => {
    expect(one({ zone: 'forehead', depthMm: 0.5 })).toEqual({ procedureKind: 'medical', maxDepthMm: 0.5, findings: [], ok: true });
    expect(one({ zone: 'forehead', depthMm: 0.25 })).toEqual({ procedureKind: 'cosmetic', maxDepthMm: 0.25, findings: [], ok: true });
  });

  it('takes the deepest zone for the whole session', () => {
    const result = evaluateZoneDepths({
      zones: [
        { zone: 'periorbital', depthMm: 0.25, passes: 2 },
        { zone: 'cheeks', depthMm: 1.25, passes: 3 },
      ],
    });
    expect(result.procedureKind).toBe('medical');
    expect(result.maxDepthMm).toBe(1.25);
    expect(result.ok).toBe(true);
  });

  it('refuses 0.49 mm as off the device step', () => {
    expect(codes({ zone: 'forehead', depthMm: 0.49 })).toEqual(['off-device-step:refused']);
  });

  it('allows 2.5 mm and refuses 2.75 mm', () => {
    expect(codes({ zone: 'stretch_marks', depthMm: 2.5 })).toEqual(['beyond-evaluated-depth:warning']);
    const refused = one({ zone: 'stretch_marks', depthMm: 2.75, overrideReason: 'deep striae' });
    expect(refused.findings.map((f) => f.code)).toEqual(['above-device-max']);
    expect(refused.ok).toBe(false);
  });

  it('refuses negative and non-numeric depths', () => {
    expect(codes({ zone: 'cheeks', depthMm: -0.25 })).toEqual(['invalid-depth:refused']);
    expect(codes({ zone: 'cheeks', depthMm: Number.NaN })).toEqual(['invalid-depth:refused']);
  });

  it('warns above 1.5 mm but not at 1.5 mm', () => {
    expect(codes({ zone: 'cheeks', depthMm: 1.5 })).toEqual([]);
    expect(codes({ zone: 'cheeks', depthMm: 1.75 })).toEqual(['beyond-evaluated-depth:warning']);
    expect(one({ zone: 'cheeks', depthMm: 1.75 }).ok).toBe(true);
  });

  it('lets the evaluated depth be configured', () => {
    expect(codes({ zone: 'cheeks', depthMm: 1.5 }, { settings: { evaluatedMaxDepthMm: 1.25 } })).toEqual([
      'beyond-evaluated-depth:warning',
    ]);
    expect(() => one({ zone: 'cheeks', depthMm: 1 }, { settings: { evaluatedMaxDepthMm: 3 } })).toThrow(RangeError);
  });

  it('allows a depth equal to the zone max and needs an override above it', () => {
    expect(codes({ zone: 'forehead', depthMm: 0.75 })).toEqual([]);
    expect(codes({ zone: 'forehead', depthMm: 1.0 })).toEqual(['above-zone-max:needs_override']);
    expect(one({ zone: 'forehead', depthMm: 1.0 }).ok).toBe(false);
  });

  it('turns the override into a warning when a reason is recorded', () => {
    const result = one({ zone: 'forehead', depthMm: 1.0, overrideReason: ' thick skin ' });
    expect(result.findings).toEqual([
      expect.objectContaining({ zone: 'forehead', code: 'zone-max-overridden', severity: 'warning' }),
    ]);
    expect(result.findings[0].message).toContain('thick skin');
    expect(result.ok).toBe(true);
  });

  it('treats a blank override reason as missing', () => {
    expect(codes({ zone: 'forehead', depthMm: 1.0, overrideReason: '   ' })).toEqual(['above-zone-max:needs_override']);
  });

  it('reports both the zone override and the evaluated-depth warning', () => {
    expect(codes({ zone: 'chin_jawline', depthMm: 1.75, overrideReason: 'scar' })).toEqual([
      'zone-max-overridden:warning',
      'beyond-evaluated-depth:warning',
    ]);
  });

  it('uses organization zone maximums that lower the default', () => {
    const zoneMaxMm = { cheeks: 1.0 };
    expect(codes({ zone: 'cheeks', depthMm: 1.0 }, { zoneMaxMm })).toEqual([]);
    expect(codes({ zone: 'cheeks', depthMm: 1.25 }, { zoneMaxMm })).toEqual(['above-zone-max:needs_override']);
  });

  it('ignores an organization zone max above the default', () => {
    expect(codes({ zone: 'glabella', depthMm: 0.75 }, { zoneMaxMm: { glabella: 1.0 } })).toEqual([
      'above-zone-max:needs_override',
    ]);
  });

  it('refuses depths above the practitioner licence limit', () => {
    expect(codes({ zone: 'forehead', depthMm: 0.25 }, { practitionerMaxDepthMm: 0.3 })).toEqual([]);
    expect(codes({ zone: 'forehead', depthMm: 0.5 }, { practitionerMaxDepthMm: 0.3 })).toEqual([
      'above-practitioner-max:refused',
    ]);
    expect(codes({ zone: 'cheeks', depthMm: 2.0 }, { practitionerMaxDepthMm: 2.0 })).toEqual([
      'beyond-evaluated-depth:warning',
    ]);
    expect(codes({ zone: 'cheeks', depthMm: 0.25 }, { practitionerMaxDepthMm: 0 })).toEqual([
      'above-practitioner-max:refused',
    ]);
  });

  it('refuses unknown zones but still checks the depth', () => {
    expect(codes({ zone: 'elbow', depthMm: 0.5 })).toEqual(['unknown-zone:refused']);
    expect(codes({ zone: 'elbow', depthMm: 0.3 })).toEqual(['unknown-zone:refused', 'off-device-step:refused']);
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses %p passes', (passes) => {
    expect(codes({ zone: 'forehead', depthMm: 0.25, passes })).toEqual(['invalid-passes:refused']);
  });

  it('accepts one pass and a depth of 0', () => {
    expect(codes({ zone: 'forehead', depthMm: 0, passes: 1 })).toEqual([]);
  });

  it('names the zone in messages', () => {
    expect(one({ zone: 'cheeks', depthMm: 1.75 }).findings[0].message).toMatch(/^Cheeks: 1\.75 mm/);
  });

  it('returns an empty cosmetic result for no zones', () => {
    expect(evaluateZoneDepths({ zones: [] })).toEqual({ procedureKind: 'cosmetic', maxDepthMm: 0, findings: [], ok: true });
  });

  it('classifies a refused deep entry as medical (the deepest entered depth counts)', () => {
    expect(one({ zone: 'cheeks', depthMm: 3 })).toMatchObject({ procedureKind: 'medical', maxDepthMm: 3, ok: false });
  });
});

describe('zoneFindingClass: how the preflight files a zone finding', () => {
  const classes = (entry: ZoneDepthEntry, zoneMaxMm: Record<string, number> = {}) =>
    evaluateZoneDepths({ zones: [entry], zoneMaxMm, practitionerMaxDepthMm: 1.5 }).findings.map((f) => `${f.code}:${zoneFindingClass(f)}`);

  it('blocks what is refused and what needs an override reason; warns for a recorded override and beyond 1.5 mm', () => {
    expect(classes({ zone: 'forehead', depthMm: 0.75, passes: 2 }, { forehead: 0.5 })).toEqual(['above-zone-max:blocker']);
    expect(classes({ zone: 'forehead', depthMm: 0.75, passes: 2, overrideReason: 'thick skin' }, { forehead: 0.5 })).toEqual(['zone-max-overridden:warning']);
    expect(classes({ zone: 'cheeks', depthMm: 1.75, passes: 2, overrideReason: 'deep scars' })).toEqual([
      'above-practitioner-max:blocker',
      'beyond-evaluated-depth:warning',
    ]);
    expect(classes({ zone: 'nose', depthMm: 0.3, passes: 2 })).toEqual(['off-device-step:blocker']);
  });
});

describe('treatment indications', () => {
  it('names each indication in the clinic’s words, and an unrecorded one as such', () => {
    expect(TREATMENT_INDICATIONS.every((i) => TREATMENT_INDICATION_LABELS[i].length > 0)).toBe(true);
    expect(indicationLabel('acne_scars')).toBe('Acne scars');
    expect(indicationLabel(null)).toBe('Not recorded');
    expect(isTreatmentIndication('elbows')).toBe(false);
  });
});
