import { Modal, Stack } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { fullName } from '@web/entities/patient';
import type { MedicalHistoryVersion, Patient } from '@web/features/patients/patientTypes';
import { MedicalHistoryForm } from './MedicalHistoryForm';
import { PatientAlertBanner } from './PatientAlertBanner';

interface MedicalHistoryFormModalProps {
  patient: Patient;
  opened: boolean;
  startFrom: MedicalHistoryVersion | null;
  onClose: () => void;
}

/** The questionnaire in its own dialog: full screen on tablets, where the patient may fill it in. */
export function MedicalHistoryFormModal({ patient, opened, startFrom, onClose }: MedicalHistoryFormModalProps) {
  const tablet = useMediaQuery('(max-width: 64em)');
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={`Medical history: ${fullName(patient)}`}
      size={900}
      fullScreen={tablet}
      closeOnClickOutside={false}
      styles={{ body: { paddingBottom: 0 }, title: { fontWeight: 600, fontSize: 'var(--mantine-font-size-lg)' } }}
    >
      {opened && (
        <Stack gap="md">
          <PatientAlertBanner patient={patient} />
          <MedicalHistoryForm patientId={patient.id} startFrom={startFrom} onDone={onClose} />
        </Stack>
      )}
    </Modal>
  );
}
