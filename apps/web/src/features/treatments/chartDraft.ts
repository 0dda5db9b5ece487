import { DEPTH_STEP_MM, findZone, isZoneCode, ZONE_CODES, type TreatmentIndication, type ZoneCode } from '@skinledger/domain';
import type { PreviousSessionChart, StartSessionBody } from './treatmentTypes';

/** Depth and passes charted for one zone (domain.md section 2). */
export interface ZoneDraft {
  depthMm: number;
  passes: number;
  overrideReason: string;
}

export interface AnestheticDraft {
  product: string;
  strength: string;
  lotNumber: string;
  area: string;
  /** ISO instants set by the "Applied" and "Removed" buttons (domain.md section 5: minutes on skin). */
  appliedAt: string | null;
  removedAt: string | null;
}

/** Everything on the charting screen before the session starts. */
export interface ChartDraft {
  /** What the session treats: templates and "Start from last session" are per indication. */
  indication: TreatmentIndication | null;
  walkInReason: string;
  deviceId: string | null;
  cartridgeProductId: string | null;
  cartridgeLotId: string | null;
  zones: Partial<Record<ZoneCode, ZoneDraft>>;
  /** Relative contraindication (screening code) -> the practitioner's reason to proceed. */
  acknowledgements: Record<string, string>;
  anesthetic: AnestheticDraft;
  photosPlanned: boolean;
  postCareGiven: boolean;
  notes: string;
}

export const EMPTY_ANESTHETIC: AnestheticDraft = { product: '', strength: '', lotNumber: '', area: '', appliedAt: null, removedAt: null };

export const EMPTY_CHART: ChartDraft = {
  indication: null,
  walkInReason: '',
  deviceId: null,
  cartridgeProductId: null,
  cartridgeLotId: null,
  zones: {},
  acknowledgements: {},
  anesthetic: EMPTY_ANESTHETIC,
  photosPlanned: false,
  postCareGiven: false,
  notes: '',
};

/** Where the session comes from: a walk-in at a location, or (once scheduling lands) a booked appointment. */
export type SessionOrigin = { kind: 'walk-in'; patientId: string; locationId: string } | { kind: 'appointment'; appointmentId: string };

/** Depth a zone starts at when first tapped: the low end of its typical range, on the device's 0.25 mm steps. */
export function startingDepthMm(zone: ZoneCode): number {
  const info = findZone(zone);
  const low = info?.typicalMinMm ?? DEPTH_STEP_MM;
  return Math.min(Math.ceil(low / DEPTH_STEP_MM) * DEPTH_STEP_MM, info?.defaultMaxMm ?? DEPTH_STEP_MM);
}

/** Zones in charting order (the order of domain.md section 2), as the API takes them. */
export function zoneEntries(zones: ChartDraft['zones']) {
  return ZONE_CODES.flatMap((zone) => {
    const entry = zones[zone];
    if (!entry) return [];
    const reason = entry.overrideReason.trim();
    return [{ zone, depthMm: entry.depthMm, passes: entry.passes, ...(reason ? { overrideReason: reason } : {}) }];
  });
}

function anestheticBody(a: AnestheticDraft): StartSessionBody['anesthetic'] {
  if (!a.product.trim()) return undefined;
  const optional = (value: string) => (value.trim() ? value.trim() : undefined);
  return {
    product: a.product.trim(),
    strength: optional(a.strength),
    lotNumber: optional(a.lotNumber),
    area: optional(a.area),
    appliedAt: a.appliedAt,
    removedAt: a.removedAt,
  };
}

/** The chart as the API's start body; null while the pen or the cartridge lot is not chosen yet. */
export function toStartBody(draft: ChartDraft, origin: SessionOrigin): StartSessionBody | null {
  if (!draft.deviceId || !draft.cartridgeLotId) return null;
  const acknowledgements = Object.entries(draft.acknowledgements)
    .filter(([, reason]) => reason.trim())
    .map(([code, reason]) => ({ code, reason: reason.trim() }));
  const from =
    origin.kind === 'appointment'
      ? { appointmentId: origin.appointmentId }
      : { walkInReason: draft.walkInReason.trim(), patientId: origin.patientId, locationId: origin.locationId };
  return {
    ...from,
    ...(draft.indication ? { indication: draft.indication } : {}),
    deviceId: draft.deviceId,
    cartridgeLotId: draft.cartridgeLotId,
    zones: zoneEntries(draft.zones),
    acknowledgements,
    anesthetic: anestheticBody(draft.anesthetic),
    photosPlanned: draft.photosPlanned,
    postCareGiven: draft.postCareGiven,
    notes: draft.notes,
  };
}

/**
 * The body of the preflight dry run: only what the safety checks read (zones, acknowledgements, whether an
 * anaesthetic and photos are planned, pen, lot), so typing notes or the walk-in reason does not re-run the checklist.
 * The walk-in reason changes no check; a stand-in is sent until the session really starts (the API requires one).
 */
export function toPreflightBody(draft: ChartDraft, origin: SessionOrigin): StartSessionBody | null {
  const body = toStartBody(draft, origin);
  if (!body) return null;
  const { anesthetic } = body;
  return {
    ...body,
    indication: undefined,
    notes: undefined,
    postCareGiven: undefined,
    ...(origin.kind === 'walk-in' ? { walkInReason: 'Walk-in (reason not yet given)' } : {}),
    ...(anesthetic ? { anesthetic: { product: anesthetic.product } } : {}),
  };
}

/**
 * Zones, depths and passes from a template or a previous session, as the chart's zones (override reasons are never
 * copied: a depth above a zone's maximum needs this session's own reason, so such a zone shows as blocking until
 * one is typed).
 */
export function zonesFrom(entries: readonly { zone: string; depthMm: number; passes: number }[]): ChartDraft['zones'] {
  const zones: ChartDraft['zones'] = {};
  for (const { zone, depthMm, passes } of entries) if (isZoneCode(zone)) zones[zone] = { depthMm, passes, overrideReason: '' };
  return zones;
}

/**
 * What "Start from last session" changes in the draft: the zones, and the pen and the cartridge with inventory's FEFO
 * lot where the API could offer them (otherwise the current choice stays and the API's note says why).
 */
export function repeatPatch(previous: PreviousSessionChart): Partial<ChartDraft> {
  return {
    zones: zonesFrom(previous.zones),
    ...(previous.deviceId ? { deviceId: previous.deviceId } : {}),
    ...(previous.cartridgeProductId && previous.lot ? { cartridgeProductId: previous.cartridgeProductId, cartridgeLotId: previous.lot.id } : {}),
  };
}
