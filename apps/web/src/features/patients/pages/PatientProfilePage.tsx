import { Button, Grid, Paper, Skeleton, Stack } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconUserQuestion } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { isoDateInTimeZone } from '@skinledger/domain';
import { EmptyState } from '@web/components/EmptyState';
import { PageHeader } from '@web/components/PageHeader';
import { QueryErrorAlert } from '@web/components/QueryErrorAlert';
import { isApiError } from '@web/lib/api/ApiError';
import { useSelectedLocation } from '@web/entities/location';
import { BookAppointmentButton } from '@web/features/scheduling';
import { StartSessionButton } from '@web/features/treatments';
import { ContactDetailsCard } from '@web/features/patients/components/ContactDetailsCard';
import { PatientActions } from '@web/features/patients/components/PatientActions';
import { PatientAlertBanner } from '@web/features/patients/components/PatientAlertBanner';
import { PatientClinicalTabs } from '@web/features/patients/components/PatientClinicalTabs';
import { PatientHeader } from '@web/features/patients/components/PatientHeader';
import { MergedRecordNotice } from '@web/features/patients/components/MergedRecordNotice';
import { VerifyIdentityCallout } from '@web/features/patients/components/VerifyIdentityCallout';
import { useMedicalHistory } from '@web/features/patients/hooks/useMedicalHistory';
import { usePatient, fullName } from '@web/entities/patient';
import { usePatientAccess } from '@web/features/patients/hooks/usePatientAccess';
import { useProfileTab } from '@web/features/patients/hooks/useProfileTab';
import { lazyNamed, useWantedOnce } from '@web/lib/lazy/lazyNamed';

// The edit, archive and medical-history dialogs load when first opened.
const PatientFormModal = lazyNamed(() => import('@web/features/patients/components/PatientFormModal'), 'PatientFormModal');
const ArchivePatientDialog = lazyNamed(() => import('@web/features/patients/components/ArchivePatientDialog'), 'ArchivePatientDialog');
const MedicalHistoryFormModal = lazyNamed(() => import('@web/features/patients/components/MedicalHistoryFormModal'), 'MedicalHistoryFormModal');

type OpenDialog = 'edit' | 'archive' | 'history' | null;

export function PatientProfilePage() {
  const { id = '' } = useParams();
  const patient = usePatient(id);
  const { timeZone } = useSelectedLocation();
  const { canReadClinical } = usePatientAccess();
  const history = useMedicalHistory(id, canReadClinical);
  const [tab, setTab] = useProfileTab();
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const editWanted = useWantedOnce(dialog === 'edit');
  const archiveWanted = useWantedOnce(dialog === 'archive');
  const historyWanted = useWantedOnce(dialog === 'history');
  const today = isoDateInTimeZone(new Date(), timeZone);
  useDocumentTitle(patient.data ? `${fullName(patient.data)} · Patients · SkinLedger` : 'Patient · SkinLedger');

  if (patient.isPending) {
    return (
      <Stack gap="md" role="status" aria-busy="true" aria-label="Loading patient">
        <Skeleton height={52} width="50%" />
        <Skeleton height={64} />
        <Skeleton height={320} />
      </Stack>
    );
  }
  if (patient.isError) {
    if (isApiError(patient.error, 404)) {
      return (
        <>
          <PageHeader title="Patient not found" />
          <Paper>
            <EmptyState icon={<IconUserQuestion size={22} />} title="There is no patient at this address">
              The link may be out of date.{' '}
              <Button component={Link} to="/patients" variant="subtle" size="compact-sm">
                Back to patients
              </Button>
            </EmptyState>
          </Paper>
        </>
      );
    }
    return (
      <>
        <PageHeader title="Patient" />
        <QueryErrorAlert error={patient.error} what="the patient" onRetry={() => void patient.refetch()} />
      </>
    );
  }

  const record = patient.data;
  return (
    <>
      <PatientHeader
        patient={record}
        today={today}
        timeZone={timeZone}
        actions={
          <>
            <PatientActions patient={record} onEdit={() => setDialog('edit')} onArchive={() => setDialog('archive')} />
            <BookAppointmentButton patient={record} />
            <StartSessionButton patientId={record.id} archived={record.archived} />
          </>
        }
      />
      <Stack gap="md">
        <MergedRecordNotice patient={record} />
        {record.selfRegistered && !record.identityVerifiedAt && !record.mergedIntoPatientId && <VerifyIdentityCallout patientId={record.id} />}
        <PatientAlertBanner patient={record} onShowEligibility={canReadClinical ? () => setTab('eligibility') : undefined} />
        <Grid gutter="md">
          <Grid.Col span={{ base: 12, lg: 8 }}>
            <PatientClinicalTabs
              patientId={record.id}
              patientMrn={record.mrn}
              tab={tab}
              onTabChange={setTab}
              today={today}
              timeZone={timeZone}
              onRecordHistory={() => setDialog('history')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 4 }}>
            <ContactDetailsCard patient={record} timeZone={timeZone} />
          </Grid.Col>
        </Grid>
      </Stack>
      {editWanted && <PatientFormModal target={dialog === 'edit' ? { kind: 'existing', patient: record } : null} onClose={() => setDialog(null)} />}
      {archiveWanted && <ArchivePatientDialog patient={record} opened={dialog === 'archive'} onClose={() => setDialog(null)} />}
      {historyWanted && (
        <MedicalHistoryFormModal
          patient={record}
          opened={dialog === 'history'}
          startFrom={history.data?.current ?? null}
          onClose={() => setDialog(null)}
        />
      )}
    </>
  );
}
