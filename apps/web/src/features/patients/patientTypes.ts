import type { Schemas } from '@skinledger/api-client';

export type Patient = Schemas['PatientDto'];
export type PatientAllergy = Schemas['PatientAllergyDto'];
export type DuplicateCandidate = Schemas['DuplicateCandidateDto'];
export type MedicalHistory = Schemas['MedicalHistoryDto'];
export type MedicalHistoryVersion = Schemas['MedicalHistoryVersionDto'];
export type MedicalHistoryVersionSummary = Schemas['MedicalHistoryVersionSummaryDto'];
export type Eligibility = Schemas['EligibilityDto'];
export type EligibilityBlocker = Schemas['EligibilityBlockerDto'];
export type EligibilityWarning = Schemas['EligibilityWarningDto'];
export type TimelineItem = Schemas['TimelineItemDto'];
export type ImportReport = Schemas['PatientImportReportDto'];

/**
 * A row of the patient list. `allergies` is not in the API's summary yet; when it is, the list shows the
 * allergy indicator without further changes.
 */
export type PatientListItem = Schemas['PatientSummaryDto'];
