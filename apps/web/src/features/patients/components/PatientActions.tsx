import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArchive, IconArchiveOff, IconDownload, IconPencil } from '@tabler/icons-react';
import { describeProblem } from '@web/lib/problems/describeProblem';
import { useExportPatient } from '@web/features/patients/hooks/useExportPatient';
import { usePatientAccess } from '@web/features/patients/hooks/usePatientAccess';
import { useSetPatientArchived } from '@web/features/patients/hooks/useSetPatientArchived';
import { fullName } from '@web/entities/patient';
import type { Patient } from '@web/features/patients/patientTypes';

interface PatientActionsProps {
  patient: Patient;
  onEdit: () => void;
  onArchive: () => void;
}

const showFailure = (title: string) => (error: unknown) =>
  notifications.show({ color: 'red', title, message: describeProblem(error).summary?.title ?? '' });

/** Edit, export and archive/restore: each only for roles that may. */
export function PatientActions({ patient, onEdit, onArchive }: PatientActionsProps) {
  const { canWrite, canExport } = usePatientAccess();
  const exporter = useExportPatient();
  const setArchived = useSetPatientArchived();

  const exportRecord = () =>
    exporter.mutate(
      { id: patient.id, mrn: patient.mrn },
      {
        onSuccess: () =>
          notifications.show({ color: 'green', title: 'Record exported', message: `patient-${patient.mrn}.json was downloaded. The export is in the audit log.` }),
        onError: showFailure('Could not export the record'),
      },
    );

  const restore = () =>
    setArchived.mutate(
      { id: patient.id, archived: false },
      {
        onSuccess: () => notifications.show({ color: 'green', title: `${fullName(patient)} was restored`, message: 'The record is back in lists and can be booked.' }),
        onError: showFailure('Could not restore the record'),
      },
    );

  return (
    <>
      {canExport && (
        <Button variant="default" leftSection={<IconDownload size={16} aria-hidden />} onClick={exportRecord} loading={exporter.isPending}>
          Export JSON
        </Button>
      )}
      {canWrite && patient.archived && (
        <Button variant="default" leftSection={<IconArchiveOff size={16} aria-hidden />} onClick={restore} loading={setArchived.isPending}>
          Restore
        </Button>
      )}
      {canWrite && !patient.archived && (
        <Button variant="default" leftSection={<IconArchive size={16} aria-hidden />} onClick={onArchive}>
          Archive
        </Button>
      )}
      {canWrite && (
        <Button leftSection={<IconPencil size={16} aria-hidden />} onClick={onEdit}>
          Edit details
        </Button>
      )}
    </>
  );
}
