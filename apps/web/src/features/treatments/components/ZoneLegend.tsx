import { Group, Stack, Text } from '@mantine/core';
import { DEFAULT_EVALUATED_MAX_DEPTH_MM } from '@skinledger/domain';
import { TONE_FILL, TONE_STROKE, type ZoneTone } from '@web/features/treatments/zoneStatus';
import { spell } from '@web/lib/words/clinicWords';

/** The legend's rows: the colour, what it means for the session, and which findings give it (the preflight's split). */
export const LEGEND_ITEMS: { tone: ZoneTone; title: string; detail: string }[] = [
  { tone: 'ok', title: 'Within limits', detail: 'inside the zone, licence and device maximums' },
  {
    tone: 'warning',
    title: 'Warning · may start',
    detail: `override reason recorded above the zone maximum, or deeper than ${DEFAULT_EVALUATED_MAX_DEPTH_MM} mm (not evaluated by the maker)`,
  },
  {
    tone: 'blocked',
    title: 'Blocks the session',
    detail: 'above the zone maximum without a reason, above the practitioner’s licence or the device',
  },
  { tone: 'untreated', title: 'Not treated', detail: 'tap to chart' },
];

/** What the colours of the face map mean: red exactly when the checklist lists the zone as a blocker, amber a warning. */
export function ZoneLegend() {
  return (
    <Stack gap={4} component="ul" aria-label={spell('Colour key')} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {LEGEND_ITEMS.map(({ tone, title, detail }) => (
        <Group key={tone} component="li" gap={8} wrap="nowrap" align="flex-start" data-legend-tone={tone}>
          <span
            aria-hidden
            style={{
              width: 14,
              height: 14,
              marginTop: 2,
              flex: 'none',
              borderRadius: 3,
              background: TONE_FILL[tone],
              border: `1.5px ${tone === 'untreated' ? 'dashed' : 'solid'} ${TONE_STROKE[tone]}`,
              display: 'inline-block',
            }}
          />
          <Text size="xs" c="slate.8">
            <Text span fw={600} size="xs">
              {title}
            </Text>
            {` — ${spell(detail)}`}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}
