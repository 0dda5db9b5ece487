import type { ZoneFindingCode } from '../codes/treatment';
import { DEVICE_MAX_DEPTH_MM } from '../access/credentials';
import {
  classifyProcedure,
  DEFAULT_EVALUATED_MAX_DEPTH_MM,
  isDeeperThan,
  isValidDeviceDepth,
  type ProcedureKind,
} from './depth';
import { DEFAULT_ZONE_MAX_MM, findZone, type ZoneCode } from './zones';

export interface ZoneDepthEntry {
  /** A ZoneCode; other strings are refused as unknown zones. */
  zone: string;
  depthMm: number;
  /** Whole number of passes (domain.md section 2: no standard, record as a whole number). */
  passes: number;
  /** Why the practitioner goes deeper than the zone max; blank counts as missing. */
  overrideReason?: string | undefined;
}

export interface ZoneDepthSettings {
  /** Depth above which the maker has not evaluated safety: warn (domain.md section 2). Default 1.5 mm. */
  evaluatedMaxDepthMm: number;
}

export const DEFAULT_ZONE_DEPTH_SETTINGS: Readonly<ZoneDepthSettings> = Object.freeze({
  evaluatedMaxDepthMm: DEFAULT_EVALUATED_MAX_DEPTH_MM,
});

export type ZoneFindingSeverity = 'refused' | 'needs_override' | 'warning';

/**
 * How the preflight files a zone finding: a blocker (refused, or above the zone maximum without an override reason:
 * the session cannot start) or a warning (an override recorded, or beyond the maker's evaluated depth: it may start).
 * The API's preflight and the dashboard's face map both classify through this one function, so a zone is red on
 * the map exactly when the checklist lists it as a blocker.
 */
export type ZoneFindingClass = 'blocker' | 'warning';

export function zoneFindingClass(finding: Pick<ZoneFinding, 'severity'>): ZoneFindingClass {
  return finding.severity === 'warning' ? 'warning' : 'blocker';
}

export interface ZoneFinding {
  zone: string;
  code: ZoneFindingCode;
  severity: ZoneFindingSeverity;
  message: string;
}

export interface ZoneDepthEvaluation {
  procedureKind: ProcedureKind;
  /** Deepest depth entered (mm); 0 when there are no zones. */
  maxDepthMm: number;
  findings: ZoneFinding[];
  /** True when nothing is refused and nothing needs an override; warnings may remain. */
  ok: boolean;
}

export interface EvaluateZoneDepthsInput {
  zones: readonly ZoneDepthEntry[];
  /**
   * The organization's effective zone maximums (from resolveZoneMaximums); zones left out use the default.
   * A value above the default is ignored (the default applies): an organization may never raise a zone max.
   */
  zoneMaxMm?: Partial<Record<ZoneCode, number>> | undefined;
  /** The deepest depth the practitioner's current licence allows (see access/credentials maxDepthAllowedMm). */
  practitionerMaxDepthMm?: number | undefined;
  settings?: Partial<ZoneDepthSettings> | undefined;
}

function resolveSettings(overrides: Partial<ZoneDepthSettings> = {}): ZoneDepthSettings {
  const settings = { ...DEFAULT_ZONE_DEPTH_SETTINGS, ...overrides };
  const { evaluatedMaxDepthMm } = settings;
  if (!Number.isFinite(evaluatedMaxDepthMm) || evaluatedMaxDepthMm < 0 || evaluatedMaxDepthMm > DEVICE_MAX_DEPTH_MM) {
    throw new RangeError(`evaluatedMaxDepthMm must be between 0 and ${DEVICE_MAX_DEPTH_MM} mm`);
  }
  return settings;
}

function zoneMaxFor(zone: ZoneCode, zoneMaxMm: Partial<Record<ZoneCode, number>> | undefined): number {
  const defaultMaxMm = DEFAULT_ZONE_MAX_MM[zone];
  const orgMaxMm = zoneMaxMm?.[zone];
  return orgMaxMm !== undefined && Number.isFinite(orgMaxMm) ? Math.min(orgMaxMm, defaultMaxMm) : defaultMaxMm;
}

function evaluateEntry(
  entry: ZoneDepthEntry,
  input: EvaluateZoneDepthsInput,
  settings: ZoneDepthSettings,
): ZoneFinding[] {
  const findings: ZoneFinding[] = [];
  const zoneInfo = findZone(entry.zone);
  const name = zoneInfo?.label ?? entry.zone;
  const add = (code: ZoneFindingCode, severity: ZoneFindingSeverity, message: string) =>
    findings.push({ zone: entry.zone, code, severity, message: `${name}: ${message}` });
  const { depthMm, passes } = entry;

  if (!zoneInfo) add('unknown-zone', 'refused', `unknown treatment zone`);
  if (!Number.isInteger(passes) || passes < 1) {
    add('invalid-passes', 'refused', `passes must be a whole number of at least 1 (got ${passes})`);
  }

  // Device rules are hard bounds (domain.md section 2): 0 to 2.5 mm in 0.25 mm steps.
  if (!Number.isFinite(depthMm) || depthMm < 0) {
    add('invalid-depth', 'refused', `depth must be a number of mm from 0 to ${DEVICE_MAX_DEPTH_MM} (got ${depthMm})`);
    return findings;
  }
  if (isDeeperThan(depthMm, DEVICE_MAX_DEPTH_MM)) {
    add('above-device-max', 'refused', `${depthMm} mm is deeper than the device maximum of ${DEVICE_MAX_DEPTH_MM} mm`);
    return findings;
  }
  if (!isValidDeviceDepth(depthMm)) {
    add('off-device-step', 'refused', `${depthMm} mm is not a device setting (0.25 mm steps)`);
    return findings;
  }

  // Licence limit (domain.md section 1).
  const practitionerMax = input.practitionerMaxDepthMm;
  if (practitionerMax !== undefined && isDeeperThan(depthMm, practitionerMax)) {
    add(
      'above-practitioner-max',
      'refused',
      `${depthMm} mm exceeds the practitioner's licensed maximum of ${practitionerMax} mm`,
    );
  }

  // Zone max: allowed above it only with a recorded override reason (domain.md section 2).
  if (zoneInfo) {
    const zoneMaxMm = zoneMaxFor(zoneInfo.code, input.zoneMaxMm);
    if (isDeeperThan(depthMm, zoneMaxMm)) {
      const reason = entry.overrideReason?.trim();
      if (reason) {
        add('zone-max-overridden', 'warning', `${depthMm} mm is deeper than the zone maximum of ${zoneMaxMm} mm (override: ${reason})`);
      } else {
        add('above-zone-max', 'needs_override', `${depthMm} mm is deeper than the zone maximum of ${zoneMaxMm} mm; record an override reason to proceed`);
      }
    }
  }

  // Beyond the maker's evaluated depth: warn (domain.md section 2).
  if (isDeeperThan(depthMm, settings.evaluatedMaxDepthMm)) {
    add(
      'beyond-evaluated-depth',
      'warning',
      `${depthMm} mm is deeper than ${settings.evaluatedMaxDepthMm} mm; the device maker has not evaluated safety at this depth`,
    );
  }
  return findings;
}

/** Checks each zone's depth and passes against device, licence and zone limits and classifies the session. */
export function evaluateZoneDepths(input: EvaluateZoneDepthsInput): ZoneDepthEvaluation {
  const settings = resolveSettings(input.settings);
  const findings = input.zones.flatMap((entry) => evaluateEntry(entry, input, settings));
  const finiteDepths = input.zones.filter((z) => Number.isFinite(z.depthMm));
  return {
    procedureKind: classifyProcedure(finiteDepths),
    maxDepthMm: finiteDepths.reduce((max, z) => Math.max(max, z.depthMm), 0),
    findings,
    ok: findings.every((f) => f.severity === 'warning'),
  };
}
