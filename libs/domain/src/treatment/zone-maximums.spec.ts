import { resolveZoneMaximums, validateZoneMaxOverrides } from './zone-maximums';
import { DEFAULT_ZONE_MAX_MM } from './zones';

describe('validateZoneMaxOverrides', () => {
  it('accepts lowering and equality with the default', () => {
    expect(validateZoneMaxOverrides({ cheeks: 1.5, forehead: 0.75, glabella: 0 })).toEqual([]);
  });
  it('rejects raising a zone max above the default', () => {
    expect(validateZoneMaxOverrides({ forehead: 1.0 })).toEqual([
      expect.objectContaining({ zone: 'forehead', code: 'above-default-max' }),
    ]);
  });
  it('rejects unknown zones and off-device depths', () => {
    const errors = validateZoneMaxOverrides({ elbow: 0.5, cheeks: 0.3, nose: -0.25, scalp: Number.NaN });
    expect(errors.map((e) => [e.zone, e.code])).toEqual([
      ['elbow', 'unknown-zone'],
      ['cheeks', 'invalid-depth'],
      ['nose', 'invalid-depth'],
      ['scalp', 'invalid-depth'],
    ]);
  });
  it('ignores undefined entries', () => {
    expect(validateZoneMaxOverrides({ cheeks: undefined })).toEqual([]);
  });
});

describe('resolveZoneMaximums', () => {
  it('returns the defaults with no overrides', () => {
    expect(resolveZoneMaximums()).toEqual({ ok: true, zoneMaxMm: DEFAULT_ZONE_MAX_MM });
  });
  it('applies lowered maximums', () => {
    const result = resolveZoneMaximums({ cheeks: 1.0 });
    expect(result.ok && result.zoneMaxMm.cheeks).toBe(1.0);
    expect(result.ok && result.zoneMaxMm.forehead).toBe(0.75);
  });
  it('rejects the whole set when any entry is invalid', () => {
    const result = resolveZoneMaximums({ cheeks: 1.0, glabella: 0.75 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toHaveLength(1);
  });
  it('does not change the defaults', () => {
    resolveZoneMaximums({ cheeks: 1.0 });
    expect(DEFAULT_ZONE_MAX_MM.cheeks).toBe(2.0);
  });
});
