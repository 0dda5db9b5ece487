import { Alert, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertOctagon, IconUsers } from '@tabler/icons-react';
import { Link } from 'react-router';
import { usePermission } from '@web/entities/current-user';
import { formatInstant } from '@web/lib/time/formatInstant';
import { useSelectedLocation } from '@web/entities/location';
import { useStaffNames } from '@web/features/inventory/hooks/useStaffNames';
import { RECALL_CLASS_MEANINGS } from '@web/features/inventory/inventoryVocabulary';
import type { LotDetail } from '@web/features/inventory/inventoryTypes';

/** The recalls naming this lot, and the way to the patients treated with it. */
export function LotRecalls({ lot }: { lot: LotDetail }) {
  const { timeZone } = useSelectedLocation();
  const who = useStaffNames();
  const canSeeExposure = usePermission('exposure.read');
  if (lot.recalls.length === 0) return null;
  return (
    <Paper p="md" component="section" aria-labelledby="lot-recalls-heading">
      <Stack gap="sm">
        <Title order={2} fz="md" id="lot-recalls-heading">
          Recall
        </Title>
        {lot.recalls.map((r) => (
          <Alert key={r.id} color="red" variant="light" icon={<IconAlertOctagon size={18} aria-hidden />} title={`Class ${r.recallClass} recall: ${RECALL_CLASS_MEANINGS[r.recallClass]}`}>
            <Text size="sm">{r.reason}</Text>
            <Group gap="md" mt={4}>
              {r.reference && (
                <Badge variant="outline" color="red" tt="none">
                  Ref. {r.reference}
                </Badge>
              )}
              <Text size="xs" c="dimmed">
                Recorded {formatInstant(r.recordedAt, timeZone)} by {who(r.recordedBy)}
              </Text>
            </Group>
          </Alert>
        ))}
        {canSeeExposure && (
          <Group>
            <Button component={Link} to={`/inventory/lots/${lot.id}/exposure`} color="red" variant="light" leftSection={<IconUsers size={16} aria-hidden />}>
              Patients treated with this lot
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
