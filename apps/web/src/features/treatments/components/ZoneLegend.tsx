import { Group, Text } from '@mantine/core';
import { TONE_FILL, TONE_STROKE, type ZoneTone } from '@web/features/treatments/zoneStatus';
import { spell } from '@web/lib/words/clinicWords';

const ITEMS: { tone: ZoneTone; text: string }[] = [
  { tone: 'ok', text: 'Within limits' },
  { tone: 'caution', text: 'Above zone maximum or 1.5 mm' },
  { tone: 'refused', text: 'Refused (device or licence)' },
];

/** What the colours of the face map mean. */
export function ZoneLegend() {
  return (
    <Group gap="sm" aria-label={spell('Colour key')}>
      {ITEMS.map(({ tone, text }) => (
        <Group key={tone} gap={6} wrap="nowrap">
          <span
            aria-hidden
            style={{ width: 14, height: 14, borderRadius: 3, background: TONE_FILL[tone], border: `1.5px solid ${TONE_STROKE[tone]}`, display: 'inline-block' }}
          />
          <Text size="xs" c="slate.7">
            {spell(text)}
          </Text>
        </Group>
      ))}
    </Group>
  );
}
