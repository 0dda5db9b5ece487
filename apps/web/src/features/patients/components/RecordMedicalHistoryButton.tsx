import { Button, Modal } from '@mantine/core';
import { IconClipboardHeart } from '@tabler/icons-react';
import { useState } from 'react';
import { QueryErrorAlert } from '@web/components/QueryErrorAlert';
import { usePatient } from '@web/entities/patient';
import { useMedicalHistory } from '@web/features/patients/hooks/useMedicalHistory';
import { usePatientAccess } from '@web/features/patients/hooks/usePatientAccess';
import { MedicalHistoryFormModal } from './MedicalHistoryFormModal';

interface RecordMedicalHistoryButtonProps {
  patientId: string;
  /** After the questionnaire closes (saved or not), e.g. to check the appointment again. */
  onClosed?: () => void;
}

/**
 * "Record medical history" where the patient is (the check-in drawer): opens the questionnaire in place, full screen on
 * a tablet, so the patient can fill it in. Clinicians start from the current version; the front desk, who may record a
 * history but not read earlier ones, from a blank form. Hidden from roles that cannot record one. The record is read
 * (and the read audited) only once the button is pressed.
 */
export function RecordMedicalHistoryButton({ patientId, onClosed }: RecordMedicalHistoryButtonProps) {
  const { canRecordHistory } = usePatientAccess();
  const [open, setOpen] = useState(false);
  if (!canRecordHistory) return null;
  const close = () => {
    setOpen(false);
    onClosed?.();
  };
  return (
    <>
      <Button variant="default" leftSection={<IconClipboardHeart size={18} aria-hidden />} onClick={() => setOpen(true)} loading={open}>
        Record medical history
      </Button>
      {open && <HistoryQuestionnaire patientId={patientId} onClose={close} />}
    </>
  );
}

function HistoryQuestionnaire({ patientId, onClose }: { patientId: string; onClose: () => void }) {
  const { canReadClinical } = usePatientAccess();
  const patient = usePatient(patientId);
  const history = useMedicalHistory(patientId, canReadClinical);
  const failed = patient.isError ? patient.error : history.isError ? history.error : null;
  if (failed) {
    return (
      <Modal opened onClose={onClose} title="Medical history" centered>
        <QueryErrorAlert error={failed} what="the patient's record" />
      </Modal>
    );
  }
  const ready = patient.data && (!canReadClinical || !history.isPending);
  if (!ready) return null;
  return <MedicalHistoryFormModal patient={patient.data} opened startFrom={history.data?.current ?? null} onClose={onClose} />;
}
