import { evaluateZoneDepths, isDeeperThan, type ZoneCode, type ZoneFinding } from '@skinledger/domain';
import type { ZoneDraft } from './chartDraft';

/**
 * How a zone shows on the face map: untreated, within limits, amber (above the organization's zone maximum or beyond
 * the maker's evaluated 1.5 mm: allowed with care) or red (refused: above the device maximum or the practitioner's
 * licence maximum). domain.md sections 1 and 2; the API applies the same rules (libs/domain evaluateZoneDepths).
 */
export type ZoneTone = 'untreated' | 'ok' | 'caution' | 'refused';

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
  const tone: ZoneTone = findings.some((f) => f.severity === 'refused') ? 'refused' : findings.length > 0 ? 'caution' : 'ok';
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
  caution: 'var(--mantine-color-yellow-3)',
  refused: 'var(--mantine-color-red-3)',
};

export const TONE_STROKE: Record<ZoneTone, string> = {
  untreated: 'var(--mantine-color-slate-4)',
  ok: 'var(--mantine-color-clinic-7)',
  caution: 'var(--mantine-color-yellow-8)',
  refused: 'var(--mantine-color-red-8)',
};

export const TONE_LABEL: Record<ZoneTone, string> = {
  untreated: 'not treated',
  ok: 'within limits',
  caution: 'needs care',
  refused: 'refused',
};
