import { AuditEvent } from '../audit/audit-event.entity';
import { AuthSession } from '../auth/auth-session.entity';
import { CONSENT_ENTITIES } from '../consents/consent.entities';
import { INVENTORY_ENTITIES } from '../inventory/inventory.entities';
import { Location } from '../organizations/location.entity';
import { Organization } from '../organizations/organization.entity';
import { MedicalHistoryVersion } from '../patients/medical-history-version.entity';
import { Patient } from '../patients/patient.entity';
import { PractitionerCredential } from '../staff/practitioner-credential.entity';
import { StaffMember } from '../staff/staff-member.entity';
import { TREATMENT_ENTITIES } from '../treatments/treatments.entities';

/** Every mapped entity; the schema itself comes only from migrations. */
export const ENTITIES = [Organization, Location, StaffMember, PractitionerCredential, AuthSession, AuditEvent, Patient, MedicalHistoryVersion, ...INVENTORY_ENTITIES, ...CONSENT_ENTITIES, ...TREATMENT_ENTITIES];
