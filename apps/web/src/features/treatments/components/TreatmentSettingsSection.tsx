import { Paper, Skeleton, Text, Title } from '@mantine/core';
import { QueryErrorAlert } from '@web/components/QueryErrorAlert';
import { usePermission } from '@web/entities/current-user';
import { useTreatmentSettings } from '@web/features/treatments/hooks/useTreatmentSettings';
import { TreatmentSettingsForm } from './TreatmentSettingsForm';
import { TreatmentTemplatesSection } from './TreatmentTemplatesSection';

/**
 * The "Treatment" section of the settings page, for roles that read clinical records (others see nothing), and
 * after it the clinic's treatment templates.
 */
export function TreatmentSettingsSection() {
  const canRead = usePermission('clinical_record.read');
  const canManage = usePermission('settings.manage');
  const treatment = useTreatmentSettings(canRead);
  if (!canRead) return null;
  const zoneMaxMm = Object.fromEntries((treatment.data?.zones ?? []).map((z) => [z.zone, z.maxMm]));
  return (
    <>
      <Paper p="md" component="section" aria-labelledby="treatment-settings-heading">
        <Title order={2} id="treatment-settings-heading" mb={4}>
          Treatment
        </Title>
        <Text size="sm" c="dimmed" mb="md">
          Zone maximums (lowered only), the medical session interval and the after-care text.
        </Text>
        {treatment.isPending && <Skeleton height={120} />}
        {treatment.isError && <QueryErrorAlert error={treatment.error} what="the treatment settings" onRetry={() => void treatment.refetch()} />}
        {treatment.data && <TreatmentSettingsForm settings={treatment.data} canManage={canManage} />}
      </Paper>
      <TreatmentTemplatesSection zoneMaxMm={zoneMaxMm} />
    </>
  );
}
