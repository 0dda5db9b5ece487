import { Modal } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useLastDefined } from '@web/lib/hooks/useLastDefined';
import type { Patient } from '@web/features/patients/patientTypes';
import { PatientForm } from './PatientForm';

/** What the modal edits: a new patient, or an existing one. */
export type PatientFormTarget = { kind: 'new' } | { kind: 'existing'; patient: Patient };

interface PatientFormModalProps {
  target: PatientFormTarget | null;
  onClose: () => void;
}

/** New or edit patient; the form mounts fresh each time the dialog opens. Full screen on tablets. */
export function PatientFormModal({ target, onClose }: PatientFormModalProps) {
  const shown = useLastDefined(target);
  const compact = useMediaQuery('(max-width: 64em)');
  const title = shown?.kind === 'existing' ? `Edit ${shown.patient.firstName} ${shown.patient.lastName}` : 'New patient';
  return (
    <Modal opened={target !== null} onClose={onClose} title={title} size={860} fullScreen={compact} closeOnClickOutside={false}>
      {shown && <PatientForm key={shown.kind === 'existing' ? shown.patient.id : 'new'} patient={shown.kind === 'existing' ? shown.patient : null} onDone={onClose} />}
    </Modal>
  );
}
