import { Button, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { PageHeader } from '@web/components/PageHeader';
import { QueryErrorAlert } from '@web/components/QueryErrorAlert';
import { usePermission } from '@web/entities/current-user';
import { LocationFormModal, type LocationTarget } from '@web/features/settings/components/LocationFormModal';
import { LocationsTable } from '@web/features/settings/components/LocationsTable';
import { OrganizationForm } from '@web/features/settings/components/OrganizationForm';
import { OnlineBookingSettingsForm } from '@web/features/settings/components/OnlineBookingSettingsForm';
import { SecuritySettingsForm } from '@web/features/settings/components/SecuritySettingsForm';
import { useLocations } from '@web/entities/location';
import { useOrganization } from '@web/features/settings/hooks/useOrganization';
import { useOnlineBookingSettings } from '@web/features/settings/hooks/useOnlineBookingSettings';
import { useSecuritySettings } from '@web/features/settings/hooks/useSecuritySettings';
import { TreatmentSettingsSection } from '@web/features/treatments';

export function SettingsPage() {
  useDocumentTitle('Settings · SkinLedger');
  const canManage = usePermission('organization.manage');
  const canManageSecurity = usePermission('security.manage');
  const security = useSecuritySettings(canManageSecurity);
  const canManageSettings = usePermission('settings.manage');
  const onlineBooking = useOnlineBookingSettings(canManageSettings);
  const organization = useOrganization();
  const locations = useLocations();
  const [locationTarget, setLocationTarget] = useState<LocationTarget | null>(null);

  return (
    <>
      <PageHeader title="Settings" description="Your practice and the locations where it treats patients." />
      <Stack gap="lg">
        <Paper p="md" component="section" aria-labelledby="organization-heading">
          <Title order={2} id="organization-heading" mb={4}>
            Organization
          </Title>
          <Text size="sm" c="dimmed" mb="md">
            The name shown to staff across SkinLedger.
          </Text>
          {organization.isPending && <Skeleton height={36} maw={520} />}
          {organization.isError && (
            <QueryErrorAlert error={organization.error} what="the organization" onRetry={() => void organization.refetch()} />
          )}
          {organization.data && <OrganizationForm organization={organization.data} canManage={canManage} />}
        </Paper>

        <Paper component="section" aria-labelledby="locations-heading">
          <Group justify="space-between" align="flex-end" p="md" pb="sm">
            <div>
              <Title order={2} id="locations-heading" mb={4}>
                Locations
              </Title>
              <Text size="sm" c="dimmed">
                Each location keeps its own time zone; staff switch between them in the header.
              </Text>
            </div>
            {canManage && (
              <Button variant="default" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setLocationTarget({ kind: 'new' })}>
                Add location
              </Button>
            )}
          </Group>
          {locations.isPending && <Skeleton height={28} m="md" />}
          {locations.isError && (
            <Stack p="md">
              <QueryErrorAlert error={locations.error} what="locations" onRetry={() => void locations.refetch()} />
            </Stack>
          )}
          {locations.data && (
            <LocationsTable
              locations={locations.data}
              canManage={canManage}
              onEdit={(location) => setLocationTarget({ kind: 'existing', location })}
            />
          )}
        </Paper>
        <TreatmentSettingsSection />
        {canManageSettings && (
          <Paper p="md" component="section" aria-labelledby="online-booking-heading">
            <Title order={2} id="online-booking-heading" mb={4}>
              Online booking
            </Title>
            <Text size="sm" c="dimmed" mb="md">
              Patients book themselves through your booking page. Which services they may book is set on each service (Scheduling setup → Services).
            </Text>
            {onlineBooking.isPending && <Skeleton height={80} />}
            {onlineBooking.isError && (
              <QueryErrorAlert error={onlineBooking.error} what="the online booking settings" onRetry={() => void onlineBooking.refetch()} />
            )}
            {onlineBooking.data && <OnlineBookingSettingsForm settings={onlineBooking.data} />}
          </Paper>
        )}
        {canManageSecurity && (
          <Paper p="md" component="section" aria-labelledby="security-settings-heading">
            <Title order={2} id="security-settings-heading" mb={4}>
              Security
            </Title>
            <Text size="sm" c="dimmed" mb="md">
              Two-step sign-in asks for a code from an authenticator app after the password.
            </Text>
            {security.isPending && <Skeleton height={80} />}
            {security.isError && <QueryErrorAlert error={security.error} what="the security settings" onRetry={() => void security.refetch()} />}
            {security.data && <SecuritySettingsForm settings={security.data} />}
          </Paper>
        )}
      </Stack>
      {canManage && <LocationFormModal target={locationTarget} onClose={() => setLocationTarget(null)} />}
    </>
  );
}
