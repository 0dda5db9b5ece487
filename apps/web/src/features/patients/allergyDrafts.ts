import { classifyAllergy, type Allergy, type AllergyClass } from '@skinledger/domain';

/** One allergy row being edited. Until someone picks a class, it follows the substance (lidocaine -> amide). */
export interface AllergyDraft {
  key: string;
  substance: string;
  allergyClass: AllergyClass;
  classChosen: boolean;
}

let nextKey = 0;
const newKey = () => `allergy-${nextKey++}`;

export function emptyAllergyDraft(): AllergyDraft {
  return { key: newKey(), substance: '', allergyClass: 'other', classChosen: false };
}

export function draftsFromAllergies(allergies: readonly Allergy[]): AllergyDraft[] {
  return allergies.map((a) => ({ key: newKey(), substance: a.substance, allergyClass: classifyAllergy(a), classChosen: true }));
}

/** A new substance re-infers the class unless staff chose one. */
export function withSubstance(draft: AllergyDraft, substance: string): AllergyDraft {
  const allergyClass = draft.classChosen ? draft.allergyClass : classifyAllergy({ substance });
  return { ...draft, substance, allergyClass };
}

export function withClass(draft: AllergyDraft, allergyClass: AllergyClass): AllergyDraft {
  return { ...draft, allergyClass, classChosen: true };
}

/** The rows that name a substance, as the API takes them. */
export function toAllergies(drafts: readonly AllergyDraft[]): { substance: string; class: AllergyClass }[] {
  return drafts.filter((d) => d.substance.trim()).map((d) => ({ substance: d.substance.trim(), class: d.allergyClass }));
}

/** The error key of a row's field, matching the API's field path ("allergies[0].substance"). */
export function allergyField(index: number, field: 'substance' | 'class'): string {
  return `allergies[${index}].${field}`;
}

export function isAllergyField(apiField: string): boolean {
  return /^allergies\[\d+\]\.(substance|class)$/.test(apiField);
}
