import { DEFAULT_ZONE_MAX_MM, FACIAL_ZONES, findZone, isZoneCode, ZONE_CODES } from './zones';
import { isValidDeviceDepth } from './depth';

describe('FACIAL_ZONES', () => {
  it('has one row per zone code, in order', () => {
    expect(FACIAL_ZONES.map((z) => z.code)).toEqual([...ZONE_CODES]);
  });
  it('matches the default maximums of domain.md section 2', () => {
    expect(DEFAULT_ZONE_MAX_MM).toEqual({
      forehead: 0.75,
      glabella: 0.5,
      periorbital: 0.5,
      nose: 0.75,
      cheeks: 2.0,
      perioral: 0.75,
      chin_jawline: 1.5,
      neck_decollete: 0.5,
      acne_scars: 2.0,
      stretch_marks: 2.5,
      scalp: 1.5,
    });
  });
  it('keeps every default max on a device setting and typical ranges ordered', () => {
    for (const zone of FACIAL_ZONES) {
      expect(isValidDeviceDepth(zone.defaultMaxMm)).toBe(true);
      if (zone.typicalMinMm !== null && zone.typicalMaxMm !== null) {
        expect(zone.typicalMinMm).toBeLessThanOrEqual(zone.typicalMaxMm);
        expect(zone.typicalMaxMm).toBeLessThanOrEqual(zone.defaultMaxMm);
      }
    }
  });
  it('records typical ranges, with none for the neck', () => {
    expect(findZone('cheeks')).toMatchObject({ typicalMinMm: 0.5, typicalMaxMm: 1.0 });
    expect(findZone('periorbital')).toMatchObject({ typicalMinMm: 0.2, typicalMaxMm: 0.3 });
    expect(findZone('neck_decollete')).toMatchObject({ typicalMinMm: null, typicalMaxMm: null });
    expect(findZone('acne_scars')?.kind).toBe('indication');
  });
  it('recognises zone codes', () => {
    expect(isZoneCode('scalp')).toBe(true);
    expect(isZoneCode('elbow')).toBe(false);
    expect(findZone('elbow')).toBeUndefined();
  });
  it('is frozen', () => {
    expect(Object.isFrozen(DEFAULT_ZONE_MAX_MM)).toBe(true);
  });
});
