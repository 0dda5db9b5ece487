import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { isZoneCode, type ZoneCode } from '@skinledger/domain';
import { useMemo, useState } from 'react';
import { FormAlert } from '@web/components/FormAlert';
import { describeProblem, type ProblemFeedback } from '@web/lib/problems/describeProblem';
import { zoneEntries, type ChartDraft } from '@web/features/treatments/chartDraft';
import { useSessionAction } from '@web/features/treatments/hooks/useSessionActions';
import { useTreatmentSettings } from '@web/features/treatments/hooks/useTreatmentSettings';
import type { TreatmentSession } from '@web/features/treatments/treatmentTypes';
import type { ZoneLimits } from '@web/features/treatments/zoneStatus';
import { ZonesSection } from './ZonesSection';

const draftOf = (session: TreatmentSession): ChartDraft['zones'] =>
  Object.fromEntries(
    session.zones.filter((z) => isZoneCode(z.zone)).map((z) => [z.zone as ZoneCode, { depthMm: z.depthMm, passes: z.passes, overrideReason: z.overrideReason ?? '' }]),
  );

/**
 * Re-charting the zones while the session is in progress (PATCH): the same face map as at the start. The API checks
 * depth, licence, consents and interval again and answers every blocker, shown here; nothing changes until it agrees.
 */
export function EditZonesModal({ session, onClose }: { session: TreatmentSession; onClose: () => void }) {
  const [zones, setZones] = useState<ChartDraft['zones']>(() => draftOf(session));
  const [problem, setProblem] = useState<ProblemFeedback['summary']>(null);
  const settings = useTreatmentSettings();
  const save = useSessionAction(session.id);
  const limits = useMemo<ZoneLimits>(
    () => ({ zoneMaxMm: Object.fromEntries((settings.data?.zones ?? []).map((z) => [z.zone, z.maxMm])), practitionerMaxDepthMm: undefined }),
    [settings.data],
  );
  const submit = () => {
    setProblem(null);
    save.mutate({ action: 'update', body: { zones: zoneEntries(zones) } }, { onSuccess: onClose, onError: (error) => setProblem(describeProblem(error).summary) });
  };
  return (
    <Modal opened onClose={onClose} title="Edit zones" size="xl">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          Tap a zone to change its depth or passes. The safety checks run again when you save.
        </Text>
        <ZonesSection zones={zones} limits={limits} onChange={setZones} />
        <FormAlert summary={problem} />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={submit} loading={save.isPending} disabled={zoneEntries(zones).length === 0}>
            Save zones
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
