import { Stack, Text, UnstyledButton } from '@mantine/core';
import { findZone, ZONE_CODES, type ZoneCode } from '@skinledger/domain';
import type { ChartDraft } from '@web/features/treatments/chartDraft';
import { TONE_FILL, TONE_STROKE, passesText, type ZoneState } from '@web/features/treatments/zoneStatus';

interface ChartedZonesListProps {
  zones: ChartDraft['zones'];
  states: Record<ZoneCode, ZoneState>;
  onSelect: (zone: ZoneCode) => void;
}

/** The zones charted so far, in charting order; tapping one opens its editor. */
export function ChartedZonesList({ zones, states, onSelect }: ChartedZonesListProps) {
  const charted = ZONE_CODES.filter((z) => zones[z]);
  if (charted.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        Tap a zone on the face, or a chip below, to set its depth and passes.
      </Text>
    );
  }
  return (
    <Stack gap={6} role="group" aria-label="Charted zones">
      <Text size="xs" c="dimmed">
        Charted zones · tap to change
      </Text>
      {charted.map((zone) => {
        const entry = zones[zone];
        const tone = states[zone].tone;
        return (
          <UnstyledButton
            key={zone}
            onClick={() => onSelect(zone)}
            p={8}
            style={{ borderRadius: 4, borderLeft: `4px solid ${TONE_STROKE[tone]}`, background: TONE_FILL[tone], minHeight: 40 }}
          >
            <Text size="sm" fw={600}>
              {findZone(zone)?.label ?? zone}
            </Text>
            <Text size="xs" className="tabular">{`${entry?.depthMm} mm · ${passesText(entry?.passes ?? 0)}${entry?.overrideReason.trim() ? ' · override' : ''}`}</Text>
          </UnstyledButton>
        );
      })}
    </Stack>
  );
}
