import { evaluateZoneDepths, isDeeperThan, zoneFindingClass, type ZoneCode, type ZoneFinding } from '@skinledger/domain';
import type { ZoneDraft } from './chartDraft';

/**
 * How a zone shows on the face map: untreated, within limits, amber (a warning: the session may start — an override
 * reason recorded above the zone maximum, or deeper than the maker's evaluated 1.5 mm) or red (a blocker: the session
 * cannot start — above the zone maximum without a reason, above the practitioner's licence or the device). The split
 * is the preflight's own (libs/domain zoneFindingClass over evaluateZoneDepths, as the API files its checklist), so a
 * red zone is exactly a zone the checklist lists among the blockers.
 */
export type ZoneTone = 'untreated' | 'ok' | 'warning' | 'blocked';

export interface ZoneLimits {
  zoneMaxMm: Partial<Record<ZoneCode, number>>;
  practitionerMaxDepthMm: number | undefined;
}

export interface ZoneState {
  tone: ZoneTone;
  findings: ZoneFinding[];
}

export function zoneState(zone: ZoneCode, draft: ZoneDraft | undefined, limits: ZoneLimits): ZoneState {
  if (!draft) return { tone: 'untreated', findings: [] };
  const { findings } = evaluateZoneDepths({
    zones: [{ zone, depthMm: draft.depthMm, passes: draft.passes, overrideReason: draft.overrideReason }],
    zoneMaxMm: limits.zoneMaxMm,
    practitionerMaxDepthMm: limits.practitionerMaxDepthMm,
  });
  const classes = findings.map(zoneFindingClass);
  const tone: ZoneTone = classes.includes('blocker') ? 'blocked' : classes.includes('warning') ? 'warning' : 'ok';
  return { tone, findings };
}

/** True when the depth is deeper than the organization's maximum for the zone (an override reason is needed). */
export function needsOverride(zone: ZoneCode, depthMm: number, limits: ZoneLimits): boolean {
  const max = limits.zoneMaxMm[zone];
  return max !== undefined && isDeeperThan(depthMm, max);
}

export const TONE_FILL: Record<ZoneTone, string> = {
  untreated: 'var(--mantine-color-slate-1)',
  ok: 'var(--mantine-color-clinic-2)',
  warning: 'var(--mantine-color-yellow-3)',
  blocked: 'var(--mantine-color-red-3)',
};

export const TONE_STROKE: Record<ZoneTone, string> = {
  untreated: 'var(--mantine-color-slate-4)',
  ok: 'var(--mantine-color-clinic-7)',
  warning: 'var(--mantine-color-yellow-9)',
  blocked: 'var(--mantine-color-red-8)',
};

export const TONE_LABEL: Record<ZoneTone, string> = {
  untreated: 'not treated',
  ok: 'within limits',
  warning: 'warning, may start',
  blocked: 'blocks the session',
};

/** "1 pass", "3 passes". */
export function passesText(passes: number): string {
  return `${passes} ${passes === 1 ? 'pass' : 'passes'}`;
}
