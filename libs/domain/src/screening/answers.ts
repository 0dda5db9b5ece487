import type { IsoDate } from '../dates';

/** Allergy classes worth telling apart (domain.md section 5: record anaesthetic allergies by class; section 4: nickel). */
export const ALLERGY_CLASSES = ['amide_anesthetic', 'ester_anesthetic', 'nickel', 'latex', 'other'] as const;
export type AllergyClass = (typeof ALLERGY_CLASSES)[number];

export interface Allergy {
  substance: string;
  /** When left out, the class is inferred from the substance name where it is well known (see allergies.ts). */
  class?: AllergyClass;
}

/**
 * The patient's medical-history questionnaire (domain.md section 4). Booleans are "present now" unless the name
 * says "history"; time windows hold the date of the last exposure (null = never / not in the window's scope),
 * because eligibility needs the date, not a yes/no.
 */
export interface MedicalHistoryAnswers {
  // Absolute contraindications (section 4).
  activeSkinCancerInArea: boolean;
  openWoundsOrIrritatedSkinInArea: boolean;
  activeInfectionInArea: boolean;
  activeHerpesOutbreak: boolean;
  wartsInArea: boolean;
  activeInflammatoryAcneInArea: boolean;
  pregnantOrBreastfeeding: boolean;
  /** Date of the last oral isotretinoin dose; null when never taken. */
  isotretinoinLastDoseOn: IsoDate | null;
  bleedingDisorder: boolean;
  sclerodermaOrCollagenVascularDisease: boolean;
  nickelOrStainlessSteelAllergy: boolean;

  // Relative contraindications (section 4).
  /** Keloid or hypertrophic scarring history. */
  keloidHistory: boolean;
  eczemaPsoriasisOrRosaceaInArea: boolean;
  uncontrolledDiabetes: boolean;
  /** Warfarin, heparin, aspirin and the like. */
  anticoagulantsOrAntiplatelets: boolean;
  /** Immunosuppression, chemotherapy or high-dose steroids. */
  immunosuppressed: boolean;
  herpesSimplexHistory: boolean;

  // Time windows: date of the last exposure (section 4).
  radiationToAreaLastOn: IsoDate | null;
  dermalFillerInAreaLastOn: IsoDate | null;
  botulinumToxinLastOn: IsoDate | null;
  chemicalPeelLastOn: IsoDate | null;
  laserOrIplLastOn: IsoDate | null;
  sunburnLastOn: IsoDate | null;
  topicalRetinoidLastOn: IsoDate | null;
  waxingLastOn: IsoDate | null;
  /** Date the youngest scar in the treatment area formed (a scar younger than 6 months blocks). */
  scarInAreaFormedOn: IsoDate | null;

  // Other.
  medications: string[];
  allergies: Allergy[];
  freeText: string;
}

/** A blank questionnaire: nothing present, no exposures, no medications or allergies. */
export function emptyMedicalHistory(): MedicalHistoryAnswers {
  return {
    activeSkinCancerInArea: false,
    openWoundsOrIrritatedSkinInArea: false,
    activeInfectionInArea: false,
    activeHerpesOutbreak: false,
    wartsInArea: false,
    activeInflammatoryAcneInArea: false,
    pregnantOrBreastfeeding: false,
    isotretinoinLastDoseOn: null,
    bleedingDisorder: false,
    sclerodermaOrCollagenVascularDisease: false,
    nickelOrStainlessSteelAllergy: false,
    keloidHistory: false,
    eczemaPsoriasisOrRosaceaInArea: false,
    uncontrolledDiabetes: false,
    anticoagulantsOrAntiplatelets: false,
    immunosuppressed: false,
    herpesSimplexHistory: false,
    radiationToAreaLastOn: null,
    dermalFillerInAreaLastOn: null,
    botulinumToxinLastOn: null,
    chemicalPeelLastOn: null,
    laserOrIplLastOn: null,
    sunburnLastOn: null,
    topicalRetinoidLastOn: null,
    waxingLastOn: null,
    scarInAreaFormedOn: null,
    medications: [],
    allergies: [],
    freeText: '',
  };
}

type KeysOfType<T, V> = { [K in keyof T]: T[K] extends V ? K : never }[keyof T];
/** The yes/no questions. */
export type MedicalHistoryBooleanField = KeysOfType<MedicalHistoryAnswers, boolean>;
/** The last-exposure dates (isotretinoin and the time windows). */
export type MedicalHistoryDateField = KeysOfType<MedicalHistoryAnswers, IsoDate | null>;
