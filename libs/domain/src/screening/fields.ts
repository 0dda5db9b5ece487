import type { MedicalHistoryAnswers } from './answers';

/** Where a question sits in domain.md section 4 (plus "other" for medications, allergies and notes). */
export type MedicalHistorySection = 'absolute' | 'relative' | 'time_window' | 'other';

/** How a form should ask it. */
export type MedicalHistoryInput = 'boolean' | 'date' | 'text_list' | 'allergy_list' | 'text';

export interface MedicalHistoryFieldInfo {
  field: keyof MedicalHistoryAnswers;
  label: string;
  section: MedicalHistorySection;
  input: MedicalHistoryInput;
  help?: string;
}

const LAST_EXPOSURE_HELP = 'Date of the last exposure; leave empty if never.';

/** Every questionnaire field in form order, with a label and its section, so a form can be generated. */
export const MEDICAL_HISTORY_FIELDS: readonly MedicalHistoryFieldInfo[] = [
  { field: 'activeSkinCancerInArea', label: 'Active skin cancer in the treatment area', section: 'absolute', input: 'boolean' },
  { field: 'openWoundsOrIrritatedSkinInArea', label: 'Open wounds or irritated skin in the treatment area', section: 'absolute', input: 'boolean' },
  { field: 'activeInfectionInArea', label: 'Active infection in the treatment area (bacterial, fungal or viral)', section: 'absolute', input: 'boolean' },
  { field: 'activeHerpesOutbreak', label: 'Active herpes simplex outbreak (cold sore)', section: 'absolute', input: 'boolean' },
  { field: 'wartsInArea', label: 'Warts in the treatment area', section: 'absolute', input: 'boolean' },
  { field: 'activeInflammatoryAcneInArea', label: 'Active inflammatory acne in the treatment area', section: 'absolute', input: 'boolean' },
  { field: 'pregnantOrBreastfeeding', label: 'Pregnant or breastfeeding', section: 'absolute', input: 'boolean' },
  { field: 'isotretinoinLastDoseOn', label: 'Last dose of oral isotretinoin (e.g. Accutane)', section: 'absolute', input: 'date', help: 'Leave empty if never taken.' },
  { field: 'bleedingDisorder', label: 'Bleeding disorder', section: 'absolute', input: 'boolean' },
  { field: 'sclerodermaOrCollagenVascularDisease', label: 'Scleroderma or another collagen-vascular disease', section: 'absolute', input: 'boolean' },
  { field: 'nickelOrStainlessSteelAllergy', label: 'Allergy to nickel or stainless steel', section: 'absolute', input: 'boolean' },
  { field: 'keloidHistory', label: 'Keloid or hypertrophic scarring history', section: 'relative', input: 'boolean' },
  { field: 'eczemaPsoriasisOrRosaceaInArea', label: 'Eczema, psoriasis or rosacea in the treatment area', section: 'relative', input: 'boolean' },
  { field: 'uncontrolledDiabetes', label: 'Uncontrolled diabetes', section: 'relative', input: 'boolean' },
  { field: 'anticoagulantsOrAntiplatelets', label: 'Takes anticoagulants or antiplatelets (e.g. warfarin, heparin, aspirin)', section: 'relative', input: 'boolean' },
  { field: 'immunosuppressed', label: 'Immunosuppression, chemotherapy or high-dose steroids', section: 'relative', input: 'boolean' },
  { field: 'herpesSimplexHistory', label: 'History of herpes simplex (cold sores)', section: 'relative', input: 'boolean' },
  { field: 'radiationToAreaLastOn', label: 'Radiation therapy to the treatment area', section: 'time_window', input: 'date', help: LAST_EXPOSURE_HELP },
  { field: 'dermalFillerInAreaLastOn', label: 'Dermal filler in the treatment area', section: 'time_window', input: 'date', help: LAST_EXPOSURE_HELP },
  { field: 'botulinumToxinLastOn', label: 'Botulinum toxin (e.g. Botox)', section: 'time_window', input: 'date', help: LAST_EXPOSURE_HELP },
  { field: 'chemicalPeelLastOn', label: 'Chemical peel', section: 'time_window', input: 'date', help: LAST_EXPOSURE_HELP },
  { field: 'laserOrIplLastOn', label: 'Laser or IPL treatment', section: 'time_window', input: 'date', help: LAST_EXPOSURE_HELP },
  { field: 'sunburnLastOn', label: 'Sunburn', section: 'time_window', input: 'date', help: LAST_EXPOSURE_HELP },
  { field: 'topicalRetinoidLastOn', label: 'Topical retinoids (e.g. tretinoin, retinol)', section: 'time_window', input: 'date', help: LAST_EXPOSURE_HELP },
  { field: 'waxingLastOn', label: 'Waxing of the treatment area', section: 'time_window', input: 'date', help: LAST_EXPOSURE_HELP },
  { field: 'scarInAreaFormedOn', label: 'Scar in the treatment area', section: 'time_window', input: 'date', help: 'Date the youngest scar formed; leave empty if none.' },
  { field: 'medications', label: 'Current medications', section: 'other', input: 'text_list' },
  { field: 'allergies', label: 'Allergies (with class: amide or ester anaesthetic, nickel, latex, other)', section: 'other', input: 'allergy_list' },
  { field: 'freeText', label: 'Other medical history', section: 'other', input: 'text' },
];
