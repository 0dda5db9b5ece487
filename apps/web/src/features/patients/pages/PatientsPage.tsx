import { Button, Paper, Skeleton, Stack } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconFileImport, IconUserPlus, IconUsers } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { isoDateInTimeZone } from '@skinledger/domain';
import { TablePager } from '@web/components/TablePager';
import { EmptyState } from '@web/components/EmptyState';
import { PageHeader } from '@web/components/PageHeader';
import { QueryErrorAlert } from '@web/components/QueryErrorAlert';
import { useImmediateValue } from '@web/lib/hooks/useImmediateValue';
import { useSelectedLocation } from '@web/entities/location';
import { PatientFormModal } from '@web/features/patients/components/PatientFormModal';
import { PatientSearchBar } from '@web/features/patients/components/PatientSearchBar';
import { PatientsTable } from '@web/features/patients/components/PatientsTable';
import { useDebouncedSearch } from '@web/features/patients/hooks/useDebouncedSearch';
import { usePatientAccess } from '@web/features/patients/hooks/usePatientAccess';
import { usePatientListParams } from '@web/features/patients/hooks/usePatientListParams';
import { usePatientTags } from '@web/features/patients/hooks/usePatientTags';
import { PATIENT_PAGE_SIZE, usePatientSearch } from '@web/features/patients/hooks/usePatientSearch';

export function PatientsPage() {
  useDocumentTitle('Patients · SkinLedger');
  const { canWrite, canImport } = usePatientAccess();
  const { timeZone } = useSelectedLocation();
  const { q, page, includeArchived, tag, setQuery, setPage, setIncludeArchived, setTag } = usePatientListParams();
  const tags = usePatientTags();
  const search = useDebouncedSearch(q, setQuery);
  const [showArchived, changeShowArchived] = useImmediateValue(includeArchived, setIncludeArchived);
  const [adding, setAdding] = useState(false);
  const patients = usePatientSearch({ q, page, includeArchived, tag });

  const total = patients.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PATIENT_PAGE_SIZE));
  const first = total === 0 ? 0 : (page - 1) * PATIENT_PAGE_SIZE + 1;
  const last = Math.min(page * PATIENT_PAGE_SIZE, total);
  const searching = search.typing || (patients.isFetching && patients.isPlaceholderData);
  const summary = patients.data ? `${total} patient${total === 1 ? '' : 's'}${q ? ' found' : ''}` : '';

  return (
    <>
      <PageHeader
        title="Patients"
        description="Find a patient by name (typos are fine), phone number, email or medical record number."
        actions={
          <>
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
              caption={`${q ? `Patients matching ${q}, best match first` : 'Patients by name'}: ${first} to ${last} of ${total}`}
            />
          </div>
        )}
        <TablePager
          summary={patients.data && total > 0 ? `${first}–${last} of ${total}${q ? ', best match first' : ''}` : ' '}
          page={page}
          pages={pages}
          onPageChange={setPage}
          label="Patient list pages"
        />
      </Paper>
      {canWrite && <PatientFormModal target={adding ? { kind: 'new' } : null} onClose={() => setAdding(false)} />}
    </>
  );
}
