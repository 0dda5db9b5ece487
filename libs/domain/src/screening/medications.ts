/**
 * Medication names the screening recognises in the free medication list (case-insensitive substring match).
 * Defaults; an organization may replace them in ScreeningSettings.
 */

/** Anticoagulants and antiplatelets (domain.md section 4 names warfarin, heparin, aspirin). */
export const DEFAULT_ANTICOAGULANT_MEDICATION_NAMES: readonly string[] = [
  'warfarin', 'coumadin', 'heparin', 'enoxaparin', 'lovenox', 'dalteparin', 'aspirin',
  'clopidogrel', 'plavix', 'ticagrelor', 'brilinta', 'prasugrel',
  'apixaban', 'eliquis', 'rivaroxaban', 'xarelto', 'dabigatran', 'pradaxa', 'edoxaban',
];

/** Oral isotretinoin (domain.md section 4). */
export const DEFAULT_ISOTRETINOIN_MEDICATION_NAMES: readonly string[] = [
  'isotretinoin', 'accutane', 'roaccutane', 'absorica', 'claravis', 'amnesteem', 'myorisan', 'zenatane',
];

/** The medications (as written) that mention any of the names. */
export function medicationsMatching(medications: readonly string[], names: readonly string[]): string[] {
  const lowered = names.map((n) => n.toLowerCase()).filter((n) => n.length > 0);
  return medications.filter((m) => lowered.some((n) => m.toLowerCase().includes(n)));
}
