import { roleHasPermission, type Permission } from '@skinledger/domain';
import type { CurrentUser } from '@web/entities/current-user';

/** What the signed-in role may do with patients (the API enforces the same matrix). */
export interface PatientAccess {
  /** Register, edit, archive and restore. */
  canWrite: boolean;
  canImport: boolean;
  canExport: boolean;
  /** Read medical-history versions, eligibility findings and the timeline. */
  canReadClinical: boolean;
  /** Record a new medical-history version (front desk may, without reading earlier ones). */
  canRecordHistory: boolean;
  /** Read the organization's screening settings (waiting periods). */
  canReadScreeningSettings: boolean;
}

export function patientAccess(user: CurrentUser): PatientAccess {
  const can = (permission: Permission) => roleHasPermission(user.role, permission);
  return {
    canWrite: can('patients.write'),
    canImport: can('patients.import'),
    canExport: can('patients.export'),
    canReadClinical: can('clinical_record.read'),
    canRecordHistory: can('medical_history.write'),
    canReadScreeningSettings: can('settings.manage'),
  };
}
