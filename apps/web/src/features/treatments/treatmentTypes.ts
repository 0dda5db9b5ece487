import type { Schemas } from '@skinledger/api-client';

export type Preflight = Schemas['PreflightDto'];
export type PreflightItem = Schemas['PreflightItemDto'];
export type StartSessionBody = Schemas['StartTreatmentSessionDto'];
export type UpdateSessionBody = Schemas['UpdateTreatmentSessionDto'];
export type TreatmentSession = Schemas['TreatmentSessionDto'];
export type TreatmentSessionSummary = Schemas['TreatmentSessionSummaryDto'];
export type TreatmentSettings = Schemas['TreatmentSettingsDto'];
export type ZoneMaximum = Schemas['ZoneMaximumDto'];
export type AdverseEvent = Schemas['AdverseEventDto'];
export type RecordAdverseEventBody = Schemas['RecordAdverseEventDto'];
export type SessionPhoto = Schemas['SessionPhotoDto'];
export type PhotoComparison = Schemas['PhotoComparisonDto'];
export type Assessment = Schemas['AssessmentDto'];
export type RecordAssessmentBody = Schemas['RecordAssessmentDto'];
export type Lot = Schemas['LotDto'];
export type Device = Schemas['DeviceDto'];
