import type { ProcedureKind } from '@skinledger/domain';

export interface PatientSearchParams {
  q: string;
  /** The nextCursor of the page before (undefined on the first page). */
  after?: string;
  includeArchived: boolean;
  tag: string;
}

export const patientKeys = {
  all: ['patients'] as const,
  list: (params: PatientSearchParams) => ['patients', 'list', params] as const,
  tags: ['patients', 'tags'] as const,
  detail: (id: string) => ['patients', 'detail', id] as const,
  /** Everything read from the clinical record of one patient (history, eligibility, timeline). */
  clinical: (id: string) => ['patients', 'clinical', id] as const,
  medicalHistory: (id: string) => ['patients', 'clinical', id, 'medical-history'] as const,
  historyVersion: (id: string, version: number) => ['patients', 'clinical', id, 'medical-history', version] as const,
  eligibility: (id: string, procedure: ProcedureKind, on: string) => ['patients', 'clinical', id, 'eligibility', procedure, on] as const,
  timeline: (id: string) => ['patients', 'clinical', id, 'timeline'] as const,
  accessLog: (id: string, after: string) => ['patients', 'clinical', id, 'access-log', after] as const,
};
