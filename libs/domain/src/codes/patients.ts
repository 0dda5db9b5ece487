/** Rules on the patient record that every clinical write and booking checks. */
export const PATIENT_RULE_CODES = ['patient-archived'] as const;
export type PatientRuleCode = (typeof PATIENT_RULE_CODES)[number];
