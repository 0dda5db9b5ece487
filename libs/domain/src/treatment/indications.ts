/**
 * What a session treats (domain.md sections 1 and 8): the indication. "Start from last session" repeats the
 * patient's previous session of the same indication, and treatment templates are kept per indication. The zones say
 * where; the indication says why (acne scars on the cheeks, or fine lines on the cheeks, are different protocols).
 */
export const TREATMENT_INDICATIONS = [
  'fine_lines',
  'texture_pores',
  'pigmentation',
  'acne_scars',
  'other_scars',
  'stretch_marks',
  'hair_loss',
] as const;
export type TreatmentIndication = (typeof TREATMENT_INDICATIONS)[number];

export const TREATMENT_INDICATION_LABELS: Readonly<Record<TreatmentIndication, string>> = Object.freeze({
  fine_lines: 'Fine lines and wrinkles',
  texture_pores: 'Texture and pores',
  pigmentation: 'Pigmentation and tone',
  acne_scars: 'Acne scars',
  other_scars: 'Other scars',
  stretch_marks: 'Stretch marks',
  hair_loss: 'Hair loss (scalp)',
});

export function isTreatmentIndication(value: string): value is TreatmentIndication {
  return (TREATMENT_INDICATIONS as readonly string[]).includes(value);
}

/** The clinic's words for an indication; an unknown id is shown as it is. */
export function indicationLabel(value: string | null | undefined): string {
  if (!value) return 'Not recorded';
  return isTreatmentIndication(value) ? TREATMENT_INDICATION_LABELS[value] : value;
}
