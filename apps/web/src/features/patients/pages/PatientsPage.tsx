import { Button, Paper, Skeleton, Stack } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconFileImport, IconUserPlus, IconUsers, IconUsersGroup } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { isoDateInTimeZone } from '@skinledger/domain';
import { KeysetPager, keysetRangeSummary } from '@web/components/KeysetPager';
import { EmptyState } from '@web/components/EmptyState';
import { PageHeader } from '@web/components/PageHeader';
import { QueryErrorAlert } from '@web/components/QueryErrorAlert';
import { useImmediateValue } from '@web/lib/hooks/useImmediateValue';
import { useKeysetCursor } from '@web/lib/hooks/useKeysetCursor';
import { useSelectedLocation } from '@web/entities/location';
import { PatientFormModal } from '@web/features/patients/components/PatientFormModal';
import { PatientSearchBar } from '@web/features/patients/components/PatientSearchBar';
import { PatientsTable } from '@web/features/patients/components/PatientsTable';
import { useDebouncedSearch } from '@web/features/patients/hooks/useDebouncedSearch';
import { usePatientAccess } from '@web/features/patients/hooks/usePatientAccess';
import { usePatientListParams } from '@web/features/patients/hooks/usePatientListParams';
import { usePatientTags } from '@web/features/patients/hooks/usePatientTags';
import { PATIENT_PAGE_SIZE, usePatientSearch } from '@web/features/patients/hooks/usePatientSearch';
import { patientListSummary } from '@web/features/patients/patientListSummary';

export function PatientsPage() {
  useDocumentTitle('Patients · SkinLedger');
  const { canWrite, canImport } = usePatientAccess();
  const { timeZone } = useSelectedLocation();
  const { q, includeArchived, tag, setQuery, setIncludeArchived, setTag } = usePatientListParams();
  const tags = usePatientTags();
  const search = useDebouncedSearch(q, setQuery);
  const [showArchived, changeShowArchived] = useImmediateValue(includeArchived, setIncludeArchived);
  const [adding, setAdding] = useState(false);
  // Back to the first page whenever the search or a filter changes.
  const cursor = useKeysetCursor(JSON.stringify([q, includeArchived, tag]));
  const patients = usePatientSearch({ q, after: cursor.after, includeArchived, tag });

  const shown = patients.data?.items.length ?? 0;
  const range = patients.data ? keysetRangeSummary(cursor.pageIndex, PATIENT_PAGE_SIZE, shown, patients.data.total) : ' ';
  const searching = search.typing || (patients.isFetching && patients.isPlaceholderData);
  const summary = patients.data ? patientListSummary(patients.data, cursor.pageIndex, PATIENT_PAGE_SIZE) : '';

  return (
    <>
      <PageHeader
        title="Patients"
        description="Find a patient by name (typos are fine), phone number, email or medical record number."
        actions={
          <>
            {canWrite && (
              <Button component={Link} to="/patients/possible-duplicates" variant="default" leftSection={<IconUsersGroup size={16} aria-hidden />}>
                Possible duplicates
              </Button>
            )}
            {canImport && (
              <Button component={Link} to="/patients/import" variant="default" leftSection={<IconFileImport size={16} aria-hidden />}>
                Import CSV
              </Button>
            )}
            {canWrite && (
              <Button leftSection={<IconUserPlus size={16} aria-hidden />} onClick={() => setAdding(true)}>
                New patient
              </Button>
            )}
          </>
        }
      />
      <Paper>
        <PatientSearchBar
          text={search.text}
          onTextChange={search.setText}
          searching={searching}
          includeArchived={showArchived}
          onIncludeArchivedChange={changeShowArchived}
          tag={tag}
          tags={tags.data ?? []}
          onTagChange={setTag}
          summary={summary}
        />
        {patients.isPending && (
          <Stack p="md" gap="sm" role="status" aria-busy="true" aria-label="Loading patients">
            {[0, 1, 2, 3].map((i) => (
              <Skeleton key={i} height={32} />
            ))}
          </Stack>
        )}
        {patients.isError && (
          <Stack p="md">
            <QueryErrorAlert error={patients.error} what="patients" onRetry={() => void patients.refetch()} />
          </Stack>
        )}
        {patients.data && patients.data.items.length === 0 && (
          <EmptyState icon={<IconUsers size={22} />} title={q ? `No patient matches “${q}”` : 'No patients yet'} headingOrder={2}>
            {q
              ? 'Try part of the name, the last digits of the phone number, or the MRN (e.g. SL-12).'
              : canWrite
                ? 'Register the first patient with “New patient”, or import a list from your previous system.'
                : 'Patients appear here once the front desk registers them.'}
          </EmptyState>
        )}
        {patients.data && patients.data.items.length > 0 && (
          <div style={{ opacity: patients.isPlaceholderData ? 0.6 : 1, transition: 'opacity 120ms' }}>
            <PatientsTable
              patients={patients.data.items}
              today={isoDateInTimeZone(new Date(), timeZone)}
              caption={`${q ? `Patients matching ${q}, best match first` : 'Patients by name'}: ${range}`}
            />
          </div>
        )}
        <KeysetPager
          summary={shown > 0 ? `${range}${q ? ', best match first' : ''}` : ' '}
          hasPrevious={cursor.hasPrevious}
          hasNext={patients.data?.hasMore === true}
          onPrevious={cursor.previous}
          onNext={() => cursor.next(patients.data?.nextCursor)}
          label="Patient list pages"
        />
      </Paper>
      {canWrite && <PatientFormModal target={adding ? { kind: 'new' } : null} onClose={() => setAdding(false)} />}
    </>
  );
}
