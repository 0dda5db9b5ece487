import type { ZoneMaximumCode } from '../codes/treatment';
import { isValidDeviceDepth, isDeeperThan } from './depth';
import { DEFAULT_ZONE_MAX_MM, isZoneCode, type ZoneCode } from './zones';

/** An organization's per-zone maximum depths (mm); zones left out keep their default. */
export type ZoneMaxOverrides = Partial<Record<string, number>>;

export interface ZoneMaxOverrideError {
  zone: string;
  code: ZoneMaximumCode;
  message: string;
}

export type ZoneMaximumsResult =
  | { ok: true; zoneMaxMm: Readonly<Record<ZoneCode, number>> }
  | { ok: false; errors: ZoneMaxOverrideError[] };

/**
 * Checks an organization's zone maximums: each must name a known zone, be a device depth (0 to 2.5 mm in 0.25 mm
 * steps) and not exceed the zone's default max. An organization may lower a zone max, never raise it
 * (domain.md section 2: deeper than the default max needs a per-session override reason instead).
 */
export function validateZoneMaxOverrides(overrides: ZoneMaxOverrides): ZoneMaxOverrideError[] {
  const errors: ZoneMaxOverrideError[] = [];
  for (const [zone, maxMm] of Object.entries(overrides)) {
    if (maxMm === undefined) continue;
    if (!isZoneCode(zone)) {
      errors.push({ zone, code: 'unknown-zone', message: `Unknown treatment zone "${zone}"` });
    } else if (!isValidDeviceDepth(maxMm)) {
      errors.push({
        zone,
        code: 'invalid-depth',
        message: `Maximum for ${zone} must be between 0 and 2.5 mm in 0.25 mm steps, got ${maxMm}`,
      });
    } else if (isDeeperThan(maxMm, DEFAULT_ZONE_MAX_MM[zone])) {
      errors.push({
        zone,
        code: 'above-default-max',
        message: `Maximum for ${zone} may be lowered but not raised above the default ${DEFAULT_ZONE_MAX_MM[zone]} mm (got ${maxMm} mm)`,
      });
    }
  }
  return errors;
}

/** The effective zone maximums: defaults with the organization's valid lowerings applied; rejects any invalid entry. */
export function resolveZoneMaximums(overrides: ZoneMaxOverrides = {}): ZoneMaximumsResult {
  const errors = validateZoneMaxOverrides(overrides);
  if (errors.length > 0) return { ok: false, errors };
  const zoneMaxMm: Record<ZoneCode, number> = { ...DEFAULT_ZONE_MAX_MM };
  for (const [zone, maxMm] of Object.entries(overrides)) {
    if (maxMm !== undefined && isZoneCode(zone)) zoneMaxMm[zone] = maxMm;
  }
  return { ok: true, zoneMaxMm: Object.freeze(zoneMaxMm) };
}
