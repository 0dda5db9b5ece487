import { Button, Group } from '@mantine/core';
import type { ZoneCode } from '@skinledger/domain';
import type { ZoneDraft } from '@web/features/treatments/chartDraft';
import { TONE_FILL, TONE_LABEL, TONE_STROKE, passesText, type ZoneState } from '@web/features/treatments/zoneStatus';

export const CHIP_ZONES: ZoneCode[] = ['acne_scars', 'stretch_marks', 'scalp'];

interface IndicationChipsProps {
  zones: Partial<Record<ZoneCode, ZoneDraft>>;
  states: Record<ZoneCode, ZoneState>;
  selected: ZoneCode | null;
  labelOf: (zone: ZoneCode) => string;
  onSelect: (zone: ZoneCode) => void;
}

/** Zones that are not on the face drawing (an indication, the body, the scalp): tappable chips, coloured alike. */
export function IndicationChips({ zones, states, selected, labelOf, onSelect }: IndicationChipsProps) {
  return (
    <Group gap="xs">
      {CHIP_ZONES.map((zone) => {
        const entry = zones[zone];
        const tone = states[zone].tone;
        return (
          <Button
            key={zone}
            radius="xl"
            variant="outline"
            aria-pressed={selected === zone}
            aria-label={entry ? `${labelOf(zone)} · ${entry.depthMm} mm, ${passesText(entry.passes)}, ${TONE_LABEL[tone]}` : `${labelOf(zone)}, not treated`}
            data-tone={tone}
            styles={{
              root: {
                background: entry ? TONE_FILL[tone] : undefined,
                borderColor: selected === zone ? 'var(--mantine-color-slate-9)' : TONE_STROKE[tone],
                borderWidth: selected === zone ? 2 : 1,
                color: 'var(--mantine-color-slate-9)',
              },
            }}
            onClick={() => onSelect(zone)}
          >
            {labelOf(zone)}
            {entry ? ` · ${entry.depthMm} mm` : ''}
          </Button>
        );
      })}
    </Group>
  );
}
