import {
  evaluateZoneDepths,
  FACIAL_ZONES,
  TREATMENT_INDICATION_LABELS,
  TREATMENT_INDICATIONS,
  zoneFindingClass,
  type ZoneCode,
} from '@skinledger/domain';

/** The indications in the clinic's words, for selects. */
export const INDICATION_OPTIONS = TREATMENT_INDICATIONS.map((value) => ({ value, label: TREATMENT_INDICATION_LABELS[value] }));

/** One zone row of the template form. */
export interface TemplateZoneRow {
  included: boolean;
  depthMm: number;
  passes: number;
}

/**
 * The live depth check of a template's zones: the preflight's rule (evaluateZoneDepths, split by zoneFindingClass) with
 * the clinic's maximums and no licence (that is checked per practitioner when the template is applied). A template
 * carries no override reason, so "above the zone maximum" reads as the maximum holding.
 */
export function templateZoneFindings(rows: Partial<Record<ZoneCode, TemplateZoneRow>>, zoneMaxMm: Partial<Record<ZoneCode, number>>) {
  const zones = FACIAL_ZONES.flatMap((z) => {
    const row = rows[z.code];
    return row?.included ? [{ zone: z.code, depthMm: row.depthMm, passes: row.passes }] : [];
  });
  return evaluateZoneDepths({ zones, zoneMaxMm }).findings.map((f) => ({
    zone: f.zone,
    code: f.code,
    blocks: zoneFindingClass(f) === 'blocker',
    message: f.message.replace('; record an override reason to proceed', ': a template stays within the maximum'),
  }));
}
