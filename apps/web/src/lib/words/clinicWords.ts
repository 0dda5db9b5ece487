import {
  CONSENT_KIND_LABELS as CONSENT_KIND_WORDS,
  consentKindLabel as consentKindWords,
  LICENCE_TYPE_LABELS as LICENCE_TYPE_WORDS,
  type ConsentKind,
  type LicenceType,
} from '@skinledger/domain';
import { clinicFormat } from '@web/lib/time/clinicFormat';

/**
 * The dashboard's words in the clinic's English (issue 13: one spelling). The copy is written in British English;
 * for an en-US clinic these helpers give "anesthetic", "license", "color". The variant comes from the organization
 * (lib/time/clinicFormat), set when the session loads.
 */
export function spell(text: string): string {
  return clinicFormat().spell(text);
}

/** A label map whose values read in the clinic's spelling wherever they are looked up. */
export function spelled<T extends Record<string, string>>(labels: T): T {
  return new Proxy(labels, {
    get: (target, key, receiver) => {
      const value: unknown = Reflect.get(target, key, receiver);
      return typeof value === 'string' ? spell(value) : value;
    },
  });
}

/** The domain's labels, in the clinic's spelling ("Topical anesthetic" for an en-US clinic). */
export const CONSENT_KIND_LABELS: Record<ConsentKind, string> = spelled(CONSENT_KIND_WORDS);
export const LICENCE_TYPE_LABELS: Record<LicenceType, string> = spelled(LICENCE_TYPE_WORDS);

export function consentKindLabel(kind: string): string {
  return spell(consentKindWords(kind));
}
