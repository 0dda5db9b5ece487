import { AdverseEvent } from './adverse-event.entity';
import { OutcomeAssessment } from './outcome-assessment.entity';
import { SessionPhoto } from './session-photo.entity';
import { TreatmentSession, TreatmentSessionAddendum, TreatmentSessionZone } from './treatment-session.entity';

export const TREATMENT_ENTITIES = [TreatmentSession, TreatmentSessionZone, TreatmentSessionAddendum, AdverseEvent, SessionPhoto, OutcomeAssessment];
