/**
 * Adverse events after needling (domain.md section 7). Transient ones are expected reactions that lasted longer or
 * were stronger than usual; persistent or serious ones are what a regulator and the maker of a cartridge lot would
 * want traced to the lot, the device and the topical products used.
 */
export const ADVERSE_EVENT_TYPES = [
  'erythema',
  'oedema',
  'pain',
  'dryness',
  'irritant_dermatitis',
  'acne_milia',
  'post_inflammatory_hyperpigmentation',
  'tram_track_scarring',
  'granulomatous_reaction',
  'infection',
  'herpes_reactivation',
  'allergic_reaction',
  'other',
] as const;
export type AdverseEventType = (typeof ADVERSE_EVENT_TYPES)[number];

export type AdverseEventSeriousness = 'transient' | 'persistent_or_serious' | 'other';

export const ADVERSE_EVENT_TYPE_INFO: Record<AdverseEventType, { label: string; seriousness: AdverseEventSeriousness }> = {
  erythema: { label: 'Erythema (prolonged redness)', seriousness: 'transient' },
  oedema: { label: 'Oedema (swelling)', seriousness: 'transient' },
  pain: { label: 'Pain', seriousness: 'transient' },
  dryness: { label: 'Dryness', seriousness: 'transient' },
  irritant_dermatitis: { label: 'Irritant dermatitis', seriousness: 'transient' },
  acne_milia: { label: 'Acne / milia', seriousness: 'transient' },
  post_inflammatory_hyperpigmentation: { label: 'Post-inflammatory hyperpigmentation', seriousness: 'persistent_or_serious' },
  tram_track_scarring: { label: 'Tram-track scarring', seriousness: 'persistent_or_serious' },
  granulomatous_reaction: { label: 'Granulomatous reaction', seriousness: 'persistent_or_serious' },
  infection: { label: 'Infection', seriousness: 'persistent_or_serious' },
  herpes_reactivation: { label: 'Herpes reactivation', seriousness: 'persistent_or_serious' },
  allergic_reaction: { label: 'Allergic reaction', seriousness: 'persistent_or_serious' },
  other: { label: 'Other', seriousness: 'other' },
};

export const ADVERSE_EVENT_OUTCOMES = ['ongoing', 'resolving', 'resolved', 'resolved_with_sequelae', 'unknown'] as const;
export type AdverseEventOutcome = (typeof ADVERSE_EVENT_OUTCOMES)[number];

/** Grade 0-4 (domain.md section 7 records erythema on a 0-4 scale). */
export const ADVERSE_EVENT_MAX_GRADE = 4;

export function isAdverseEventType(value: string): value is AdverseEventType {
  return (ADVERSE_EVENT_TYPES as readonly string[]).includes(value);
}
