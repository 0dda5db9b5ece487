import { Anchor, Skeleton, Stack } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconChevronLeft, IconUsers } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { EmptyState } from '@web/components/EmptyState';
import { PageHeader } from '@web/components/PageHeader';
import { QueryErrorAlert } from '@web/components/QueryErrorAlert';
import { useSelectedLocation } from '@web/entities/location';
import { MergeDuplicateDialog } from '@web/features/patients/components/MergeDuplicateDialog';
import { PossibleDuplicateCard } from '@web/features/patients/components/PossibleDuplicateCard';
import { usePatientAccess } from '@web/features/patients/hooks/usePatientAccess';
import { usePossibleDuplicates, useResolvePossibleDuplicate, type PossibleDuplicate } from '@web/features/patients/hooks/usePossibleDuplicates';

/**
 * Possible duplicates found when a patient booked online (issue 16): each record she created next to the existing one
 * it resembles. Staff merge the online record into the existing one, or mark the two as different people.
 */
export function PossibleDuplicatesPage() {
  useDocumentTitle('Possible duplicates · SkinLedger');
  const { timeZone } = useSelectedLocation();
  const { canWrite } = usePatientAccess();
  const pairs = usePossibleDuplicates();
  const { dismiss, merge } = useResolvePossibleDuplicate();
  const [confirming, setConfirming] = useState<PossibleDuplicate | null>(null);
  // The error belongs to the pair it was about.
  const [failed, setFailed] = useState<{ id: string; error: unknown } | null>(null);
  const busyId = dismiss.isPending ? dismiss.variables : merge.isPending ? merge.variables : null;

  const run = (mutation: typeof dismiss | typeof merge, id: string) => {
    setFailed(null);
    mutation.mutate(id, { onError: (error) => setFailed({ id, error }) });
  };

  return (
    <>
      <Anchor component={Link} to="/patients" size="sm" c="slate.6" mb={4} style={{ display: 'inline-flex', alignItems: 'center', gap: 2 }}>
        <IconChevronLeft size={14} aria-hidden />
        Patients
      </Anchor>
      <PageHeader title="Possible duplicates" description="Records patients created when booking online that look like someone already on file." />
      {pairs.isPending && (
        <Stack gap="sm" role="status" aria-busy="true" aria-label="Loading possible duplicates">
          <Skeleton height={160} />
          <Skeleton height={160} />
        </Stack>
      )}
      {pairs.isError && <QueryErrorAlert error={pairs.error} what="the possible duplicates" onRetry={() => void pairs.refetch()} />}
      {pairs.data && pairs.data.length === 0 && (
        <EmptyState icon={<IconUsers size={24} />} title="No possible duplicates">
          When someone books online with the name and date of birth, e-mail or phone of a patient already on file, the pair shows here.
        </EmptyState>
      )}
      {pairs.data && pairs.data.length > 0 && (
        <Stack gap="md">
          {pairs.data.map((pair) => (
            <PossibleDuplicateCard
              key={pair.id}
              pair={pair}
              timeZone={timeZone}
              canResolve={canWrite}
              busy={busyId === pair.id}
              error={failed?.id === pair.id ? failed.error : null}
              onDismiss={() => run(dismiss, pair.id)}
              onMerge={() => setConfirming(pair)}
            />
          ))}
        </Stack>
      )}
      <MergeDuplicateDialog
        pair={confirming}
        busy={merge.isPending}
        onCancel={() => setConfirming(null)}
        onConfirm={() => {
          if (!confirming) return;
          const id = confirming.id;
          setConfirming(null);
          run(merge, id);
        }}
      />
    </>
  );
}
