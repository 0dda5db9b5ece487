import { Button, Group, Paper, Skeleton, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconSearch, IconUserPlus, IconUsers } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { isoDateInTimeZone } from '@skinledger/domain';
import { EmptyState } from '@web/components/EmptyState';
import { PageHeader } from '@web/components/PageHeader';
import { QueryErrorAlert } from '@web/components/QueryErrorAlert';
import { describeProblem } from '@web/lib/problems/describeProblem';
import { usePermission, useSignedInUser } from '@web/entities/current-user';
import { useSelectedLocation } from '@web/entities/location';
import { AddStaffMemberModal } from '@web/features/staff/components/AddStaffMemberModal';
import { DeactivateStaffMemberDialog } from '@web/features/staff/components/DeactivateStaffMemberDialog';
import { EditStaffMemberDrawer } from '@web/features/staff/components/EditStaffMemberDrawer';
import { StaffTable } from '@web/features/staff/components/StaffTable';
import { useSetStaffMemberActive } from '@web/features/staff/hooks/useSetStaffMemberActive';
import { useStaffList, type StaffMember } from '@web/features/staff/hooks/useStaffList';

function matches(member: StaffMember, search: string): boolean {
  const needle = search.trim().toLowerCase();
  return !needle || member.name.toLowerCase().includes(needle) || member.email.toLowerCase().includes(needle);
}

export function StaffPage() {
  useDocumentTitle('Staff · SkinLedger');
  const actor = useSignedInUser();
  const canManage = usePermission('staff.manage');
  const { timeZone } = useSelectedLocation();
  const [includeInactive, setIncludeInactive] = useState(false);
  const [search, setSearch] = useState('');
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<StaffMember | null>(null);
  const [deactivating, setDeactivating] = useState<StaffMember | null>(null);
  const staff = useStaffList(includeInactive);
  const setActive = useSetStaffMemberActive();

  const visible = useMemo(() => (staff.data ?? []).filter((m) => matches(m, search)), [staff.data, search]);
  const activeCount = (staff.data ?? []).filter((m) => m.isActive).length;

  const reactivate = (member: StaffMember) =>
    setActive.mutate(
      { id: member.id, active: true },
      {
        onSuccess: () =>
          notifications.show({ color: 'green', title: `${member.name} was reactivated`, message: 'They can sign in again.' }),
        onError: (error) => {
          const summary = describeProblem(error).summary;
          notifications.show({ color: 'red', title: 'Could not reactivate', message: summary?.title ?? '' });
        },
      },
    );

  return (
    <>
      <PageHeader
        title="Staff"
        description={`People who can sign in to ${actor.organizationName}, with their roles and practitioner licences.`}
        actions={
          canManage && (
            <Button leftSection={<IconUserPlus size={16} aria-hidden />} onClick={() => setAdding(true)}>
              Add staff member
            </Button>
          )
        }
      />
      <Paper>
        <Group justify="space-between" px="md" py="sm" gap="md" wrap="wrap" style={{ borderBottom: '1px solid var(--mantine-color-slate-2)' }}>
          <TextInput
            label="Search staff"
            placeholder="Name or email address"
            leftSection={<IconSearch size={16} aria-hidden />}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            w={300}
            styles={{ root: { display: 'flex', alignItems: 'center', gap: 10 }, label: { whiteSpace: 'nowrap' }, wrapper: { flex: 1 } }}
          />
          <Group gap="lg">
            <Text size="sm" c="dimmed" aria-live="polite">
              {staff.data ? `${activeCount} active` : ''}
            </Text>
            <Switch
              label="Show deactivated"
              checked={includeInactive}
              onChange={(e) => setIncludeInactive(e.currentTarget.checked)}
            />
          </Group>
        </Group>
        {staff.isPending && (
          <Stack p="md" gap="sm" role="status" aria-busy="true" aria-label="Loading staff">
            {[0, 1, 2].map((i) => (
              <Skeleton key={i} height={28} />
            ))}
          </Stack>
        )}
        {staff.isError && (
          <Stack p="md">
            <QueryErrorAlert error={staff.error} what="staff" onRetry={() => void staff.refetch()} />
          </Stack>
        )}
        {staff.data && visible.length === 0 && (
          <EmptyState icon={<IconUsers size={22} />} title="No staff member matches" headingOrder={3}>
            Try another name or email address.
          </EmptyState>
        )}
        {staff.data && visible.length > 0 && (
          <StaffTable
            staff={visible}
            actor={actor}
            caption={`Staff of ${actor.organizationName}: ${visible.length} shown`}
            today={isoDateInTimeZone(new Date(), timeZone)}
            timeZone={timeZone}
            reactivatingId={setActive.isPending ? (setActive.variables?.id ?? null) : null}
            onEdit={setEditing}
            onDeactivate={setDeactivating}
            onReactivate={reactivate}
          />
        )}
      </Paper>
      {canManage && (
        <>
          <AddStaffMemberModal opened={adding} onClose={() => setAdding(false)} />
          <EditStaffMemberDrawer member={editing} onClose={() => setEditing(null)} />
          <DeactivateStaffMemberDialog member={deactivating} onClose={() => setDeactivating(null)} />
        </>
      )}
    </>
  );
}
