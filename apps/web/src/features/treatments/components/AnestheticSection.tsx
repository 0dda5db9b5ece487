import { Button, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconClockPlay, IconClockStop } from '@tabler/icons-react';
import { formatInstant } from '@web/lib/time/formatInstant';
import type { AnestheticDraft } from '@web/features/treatments/chartDraft';
import { AnestheticTimer } from './AnestheticTimer';
import { spell } from '@web/lib/words/clinicWords';

interface AnestheticSectionProps {
  value: AnestheticDraft;
  timeZone: string;
  onChange: (value: AnestheticDraft) => void;
}

/**
 * Topical anaesthetic (domain.md section 5): product, strength, lot and area; "Applied" starts a visible timer and
 * "Removed" stops it, so minutes on skin are recorded from the buttons rather than from memory.
 */
export function AnestheticSection({ value, timeZone, onChange }: AnestheticSectionProps) {
  const set = (patch: Partial<AnestheticDraft>) => onChange({ ...value, ...patch });
  const text = (key: 'product' | 'strength' | 'lotNumber' | 'area') => ({
    value: value[key],
    onChange: (event: React.ChangeEvent<HTMLInputElement>) => set({ [key]: event.currentTarget.value }),
  });
  return (
    <Paper p="sm" component="section" aria-label={spell('Topical anaesthetic')}>
      <Title order={2} mb="xs">
        Topical anaesthetic
      </Title>
      <SimpleGrid cols={{ base: 2, lg: 4 }} spacing="xs">
        <TextInput label="Product" placeholder="e.g. Lidocaine cream" {...text('product')} />
        <TextInput label="Strength" placeholder="e.g. 4%" {...text('strength')} />
        <TextInput label="Lot number" {...text('lotNumber')} />
        <TextInput label="Area" placeholder="e.g. full face" {...text('area')} />
      </SimpleGrid>
      <Group mt="sm" gap="md" align="center" wrap="wrap">
        <Button
          leftSection={<IconClockPlay size={18} aria-hidden />}
          variant={value.appliedAt ? 'default' : 'filled'}
          onClick={() => set({ appliedAt: new Date().toISOString(), removedAt: null })}
          disabled={!value.product.trim()}
        >
          {value.appliedAt ? 'Re-applied now' : 'Applied now'}
        </Button>
        <Button
          leftSection={<IconClockStop size={18} aria-hidden />}
          onClick={() => set({ removedAt: new Date().toISOString() })}
          disabled={!value.appliedAt || value.removedAt !== null}
        >
          Removed now
        </Button>
        {value.appliedAt ? (
          <Stack gap={0}>
            <AnestheticTimer appliedAt={value.appliedAt} removedAt={value.removedAt} />
            <Text size="xs" c="dimmed">
              {`applied ${formatInstant(value.appliedAt, timeZone, 'time')}${value.removedAt ? ` · removed ${formatInstant(value.removedAt, timeZone, 'time')}` : ' · on skin'}`}
            </Text>
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            {value.product.trim() ? 'Press "Applied now" when the cream goes on.' : spell('Leave empty if no anaesthetic is used.')}
          </Text>
        )}
      </Group>
    </Paper>
  );
}
