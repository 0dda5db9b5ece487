import type { TreatmentSession } from './treatmentTypes';

/** The name the downloaded session record PDF gets (the API's own name, so both say the same). */
export function sessionPdfFileName(mrn: string, session: Pick<TreatmentSession, 'id' | 'performedOn'>): string {
  return `session-${mrn || 'patient'}-${session.performedOn}-${session.id.slice(0, 8)}.pdf`;
}
