import { classifyAllergy } from '@skinledger/domain';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../common/access/actor';
import { NotFoundError } from '../common/problems/domain-error';
import { Patient, type PatientAllergy } from './patient.entity';
import type { AllergyDto, PatientDto } from './patient.dto';

/** The patient with this id in the actor's organization; 404 for any other organization's id. */
export async function findPatient(manager: EntityManager, actor: Pick<Actor, 'organizationId'>, id: string, lock = false): Promise<Patient> {
  const patient = await manager.findOne(Patient, {
    where: { id, organizationId: actor.organizationId },
    ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
  });
  if (!patient) throw new NotFoundError('Patient', id);
  return patient;
}

/** Allergies with their class always set (inferred from well-known substances), one entry per substance. */
export function normalizeAllergies(allergies: readonly AllergyDto[]): PatientAllergy[] {
  const seen = new Set<string>();
  const result: PatientAllergy[] = [];
  for (const allergy of allergies) {
    const key = allergy.substance.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    result.push({ substance: allergy.substance, class: classifyAllergy(allergy) });
  }
  return result;
}

export function toPatientDto(p: Patient): PatientDto {
  return {
    id: p.id,
    mrn: p.mrn,
    externalId: p.externalId,
    firstName: p.firstName,
    lastName: p.lastName,
    preferredName: p.preferredName,
    dateOfBirth: p.dateOfBirth,
    sex: p.sex,
    phone: p.phone,
    email: p.email,
    address: p.address,
    emergencyContact: p.emergencyContact,
    fitzpatrickType: p.fitzpatrickType,
    allergies: p.allergies,
    notes: p.notes,
    tags: p.tags,
    archived: p.archivedAt !== null,
    archivedAt: p.archivedAt?.toISOString() ?? null,
    archiveReason: p.archiveReason,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}
