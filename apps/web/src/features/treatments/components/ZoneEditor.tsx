import { Button, Group, NumberInput, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { findZone, zoneFindingClass, type ZoneCode } from '@skinledger/domain';
import { IconTrash } from '@tabler/icons-react';
import type { ZoneDraft } from '@web/features/treatments/chartDraft';
import { type ZoneState } from '@web/features/treatments/zoneStatus';
import { DepthStepper } from './DepthStepper';

interface ZoneEditorProps {
  zone: ZoneCode;
  draft: ZoneDraft;
  state: ZoneState;
  zoneMaxMm: number;
  overrideNeeded: boolean;
  onChange: (draft: ZoneDraft) => void;
  onRemove: () => void;
  onDone: () => void;
}

function typicalRange(zone: ZoneCode): string {
  const info = findZone(zone);
  if (!info || info.typicalMinMm === null || info.typicalMaxMm === null) return 'Typical range not well published';
  return `Typical ${info.typicalMinMm}–${info.typicalMaxMm} mm${info.note ? ` · ${info.note}` : ''}`;
}

/** Depth, passes and (above the zone maximum) the override reason for the tapped zone. */
export function ZoneEditor({ zone, draft, state, zoneMaxMm, overrideNeeded, onChange, onRemove, onDone }: ZoneEditorProps) {
  const label = findZone(zone)?.label ?? zone;
  return (
    <Paper p="sm" bg="slate.0" aria-label={`Edit ${label}`} role="region">
      <Stack gap="xs">
        <div>
          <Title order={3}>{label}</Title>
          <Text size="xs" c="dimmed">
            {typicalRange(zone)}
          </Text>
        </div>
        <DepthStepper value={draft.depthMm} zoneMaxMm={zoneMaxMm} onChange={(depthMm) => onChange({ ...draft, depthMm })} />
        <NumberInput
          label="Passes"
          min={1}
          max={20}
          allowDecimal={false}
          clampBehavior="strict"
          value={draft.passes}
          onChange={(value) => onChange({ ...draft, passes: typeof value === 'number' ? value : 1 })}
          size="md"
        />
        {overrideNeeded && (
          <TextInput
            label="Override reason"
            description={`Deeper than this zone's maximum of ${zoneMaxMm} mm`}
            placeholder="e.g. thick skin, tolerated last session"
            value={draft.overrideReason}
            onChange={(event) => onChange({ ...draft, overrideReason: event.currentTarget.value })}
            required
            size="md"
          />
        )}
        {state.findings.map((finding) => {
          const blocks = zoneFindingClass(finding) === 'blocker';
          return (
            <Text key={finding.code} size="sm" c={blocks ? 'red.9' : 'yellow.9'} data-finding={blocks ? 'blocker' : 'warning'}>
              <Text span fw={700} size="sm">
                {blocks ? 'Blocks the session: ' : 'Warning: '}
              </Text>
              {finding.message}
            </Text>
          );
        })}
        <Group justify="space-between" gap="xs">
          <Button variant="subtle" color="red" leftSection={<IconTrash size={16} aria-hidden />} onClick={onRemove}>
            Remove zone
          </Button>
          <Button variant="default" onClick={onDone}>
            Done
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
