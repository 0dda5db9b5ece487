import { ActionIcon, Badge, Button, Group, Modal, Paper, Skeleton, Stack, Table, Text, Title, Tooltip, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ZoneCode } from '@skinledger/domain';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { FormAlert } from '@web/components/FormAlert';
import { QueryErrorAlert } from '@web/components/QueryErrorAlert';
import { describeProblem } from '@web/lib/problems/describeProblem';
import { formatInstant } from '@web/lib/time/formatInstant';
import { usePermission } from '@web/entities/current-user';
import { useSelectedLocation } from '@web/entities/location';
import { useDeleteTreatmentTemplate, useTreatmentTemplates } from '@web/features/treatments/hooks/useTreatmentTemplates';
import type { TreatmentTemplate } from '@web/features/treatments/treatmentTypes';
import { TreatmentTemplateFormModal, type TemplateTarget } from './TreatmentTemplateFormModal';

/** The template's check against today's limits, in one badge (a lowered zone maximum can turn a saved template red). */
function TemplateCheck({ template }: { template: TreatmentTemplate }) {
  const blockers = template.findings.filter((f) => f.severity === 'blocker');
  const warnings = template.findings.filter((f) => f.severity === 'warning');
  if (blockers.length > 0) {
    return (
      <Tooltip label={blockers.map((f) => f.message).join(' · ')} multiline w={320}>
        <Badge color="red" variant="light" tt="none" tabIndex={0}>{`Blocks: ${blockers.map((f) => f.subject.replaceAll('_', ' ')).join(', ')}`}</Badge>
      </Tooltip>
    );
  }
  if (warnings.length > 0) {
    return (
      <Tooltip label={warnings.map((f) => f.message).join(' · ')} multiline w={320}>
        <Badge color="yellow" variant="light" tt="none" tabIndex={0}>
          Warning
        </Badge>
      </Tooltip>
    );
  }
  return (
    <Badge color="clinic" variant="light" tt="none">
      Within limits
    </Badge>
  );
}

/**
 * Settings → Treatment templates: the clinic's named protocols per indication (zones, depths, passes) that
 * practitioners apply at the chair. Physicians, nurses, owners and admins write them; the API holds them to the
 * preflight's depth rules.
 */
export function TreatmentTemplatesSection({ zoneMaxMm }: { zoneMaxMm: Partial<Record<ZoneCode, number>> }) {
  const canRead = usePermission('treatment.record');
  const canManage = usePermission('treatment_templates.manage');
  const templates = useTreatmentTemplates(canRead);
  const remove = useDeleteTreatmentTemplate();
  const { timeZone } = useSelectedLocation();
  const [target, setTarget] = useState<TemplateTarget | null>(null);
  const [deleting, setDeleting] = useState<TreatmentTemplate | null>(null);
  if (!canRead) return null;

  const confirmDelete = () => {
    if (!deleting) return;
    remove.mutate(deleting.id, {
      onSuccess: () => {
        notifications.show({ color: 'green', title: 'Template deleted', message: `${deleting.name} was deleted. Sessions charted from it keep their zones.` });
        setDeleting(null);
      },
    });
  };

  return (
    <Paper component="section" aria-labelledby="treatment-templates-heading">
      <Group justify="space-between" align="flex-end" p="md" pb="sm" wrap="wrap">
        <div>
          <Title order={2} id="treatment-templates-heading" mb={4}>
            Treatment templates
          </Title>
          <Text size="sm" c="slate.7">
            Named zones, depths and passes per indication, applied at the chair and then adjusted. Held to the zone maximums above.
          </Text>
        </div>
        {canManage && (
          <Button variant="default" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setTarget({ kind: 'new' })}>
            New template
          </Button>
        )}
      </Group>
      {templates.isPending && <Skeleton height={60} m="md" />}
      {templates.isError && (
        <Stack p="md">
          <QueryErrorAlert error={templates.error} what="the treatment templates" onRetry={() => void templates.refetch()} />
        </Stack>
      )}
      {templates.data && templates.data.length === 0 && (
        <Text size="sm" c="slate.7" px="md" pb="md">
          No templates yet.
        </Text>
      )}
      {templates.data && templates.data.length > 0 && (
        <Table.ScrollContainer minWidth={560}>
          <Table aria-label="Treatment templates" verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Indication</Table.Th>
                <Table.Th>Zones</Table.Th>
                <Table.Th>Check</Table.Th>
                <Table.Th visibleFrom="md">Last changed</Table.Th>
                {canManage && (
                  <Table.Th>
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {templates.data.map((t) => (
                <Table.Tr key={t.id}>
                  <Table.Td fw={600}>{t.name}</Table.Td>
                  <Table.Td>{t.indicationLabel}</Table.Td>
                  <Table.Td>
                    <Text size="sm" className="tabular">
                      {t.zones.map((z) => `${z.label} ${z.depthMm} mm ×${z.passes}`).join(' · ')}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <TemplateCheck template={t} />
                  </Table.Td>
                  <Table.Td visibleFrom="md">
                    <Text size="sm">{`${formatInstant(t.updatedAt, timeZone, 'date')} · ${t.updatedByName}`}</Text>
                  </Table.Td>
                  {canManage && (
                    <Table.Td>
                      <Group gap={4} wrap="nowrap" justify="flex-end">
                        <ActionIcon variant="subtle" color="slate" size={36} aria-label={`Edit ${t.name}`} onClick={() => setTarget({ kind: 'existing', template: t })}>
                          <IconPencil size={18} aria-hidden />
                        </ActionIcon>
                        <ActionIcon variant="subtle" color="red" size={36} aria-label={`Delete ${t.name}`} onClick={() => setDeleting(t)}>
                          <IconTrash size={18} aria-hidden />
                        </ActionIcon>
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {canManage && <TreatmentTemplateFormModal target={target} zoneMaxMm={zoneMaxMm} onClose={() => setTarget(null)} />}
      <Modal opened={deleting !== null} onClose={() => setDeleting(null)} title={deleting ? `Delete ${deleting.name}?` : ''}>
        <Stack gap="md">
          <Text size="sm">Practitioners will no longer be offered it. Sessions charted from it keep their own zones and depths.</Text>
          {remove.isError && <FormAlert summary={describeProblem(remove.error).summary} />}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setDeleting(null)}>
              Keep it
            </Button>
            <Button color="red" loading={remove.isPending} onClick={confirmDelete}>
              Delete template
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
