import type { Allergy, AllergyClass } from './answers';

/**
 * Well-known substances by allergy class, used when an allergy was recorded without a class.
 * Lidocaine is an amide; benzocaine and tetracaine are esters (domain.md section 5).
 */
export const KNOWN_ALLERGEN_CLASSES: Readonly<Record<Exclude<AllergyClass, 'other'>, readonly string[]>> = {
  amide_anesthetic: ['lidocaine', 'lignocaine', 'prilocaine', 'articaine', 'bupivacaine', 'mepivacaine', 'ropivacaine'],
  ester_anesthetic: ['benzocaine', 'tetracaine', 'amethocaine', 'procaine', 'chloroprocaine'],
  nickel: ['nickel', 'stainless steel'],
  latex: ['latex'],
};

/** The allergy's recorded class, or one inferred from the substance name, else 'other'. */
export function classifyAllergy(allergy: Allergy): AllergyClass {
  if (allergy.class) return allergy.class;
  const substance = allergy.substance.toLowerCase();
  for (const [allergyClass, names] of Object.entries(KNOWN_ALLERGEN_CLASSES)) {
    if (names.some((name) => substance.includes(name))) return allergyClass as AllergyClass;
  }
  return 'other';
}

/** Substances of the allergies in a class, as recorded. */
export function allergiesOfClass(allergies: readonly Allergy[], allergyClass: AllergyClass): string[] {
  return allergies.filter((a) => classifyAllergy(a) === allergyClass).map((a) => a.substance);
}
