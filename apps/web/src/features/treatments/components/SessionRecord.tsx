import { SimpleGrid, Stack, Text } from '@mantine/core';
import { indicationLabel, sessionWarningLines } from '@skinledger/domain';
import { formatInstant } from '@web/lib/time/formatInstant';
import type { TreatmentSession } from '@web/features/treatments/treatmentTypes';
import { CartridgesTable } from './CartridgesTable';
import { ChecklistItem } from './ChecklistItem';
import { FactList } from './FactList';
import { RecordSection } from './RecordSection';
import { ZonesTable } from './ZonesTable';
import { spell } from '@web/lib/words/clinicWords';

interface SessionRecordProps {
  session: TreatmentSession;
  timeZone: string;
  zoneActions?: React.ReactNode;
  cartridgeActions?: React.ReactNode;
}

/** The treatment record as charted: zones, cartridges, anaesthetic, warnings and acknowledgements (each once), and the rest. */
export function SessionRecord({ session, timeZone, zoneActions, cartridgeActions }: SessionRecordProps) {
  const a = session.anesthetic;
  const warnings = sessionWarningLines(session.preflightWarnings, session.acknowledgements);
  const time = (instant: string | null) => (instant ? formatInstant(instant, timeZone, 'time') : null);
  return (
    <Stack gap="md">
      <RecordSection title="Zones" actions={zoneActions}>
        <ZonesTable zones={session.zones} />
      </RecordSection>
      <RecordSection title="Pen and cartridges" actions={cartridgeActions}>
        <Stack gap="xs">
          <Text size="sm">{`${session.deviceModel} · serial ${session.deviceSerialNumber}`}</Text>
          <CartridgesTable cartridges={session.cartridges} timeZone={timeZone} />
        </Stack>
      </RecordSection>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <RecordSection title={spell('Topical anaesthetic')}>
          {a ? (
            <FactList
              cols={2}
              facts={[
                { label: 'Product', value: [a.product, a.strength].filter(Boolean).join(' ') },
                { label: 'Lot', value: a.lotNumber },
                { label: 'Area', value: a.area },
                { label: 'Applied', value: time(a.appliedAt) },
                { label: 'Removed', value: time(a.removedAt) },
                { label: 'Minutes on skin', value: a.minutesOnSkin !== null ? `${a.minutesOnSkin} min` : null },
              ]}
            />
          ) : (
            <Text size="sm" c="dimmed">
              None used.
            </Text>
          )}
        </RecordSection>
        <RecordSection title="Treatment">
          <FactList
            cols={2}
            facts={[
              { label: 'Indication', value: session.indication ? indicationLabel(session.indication) : null },
              { label: 'Technique', value: session.technique },
              { label: 'Clinical endpoint', value: session.clinicalEndpoint },
              { label: 'Erythema grade (0–4)', value: session.erythemaGrade },
              { label: 'Topical products', value: session.topicalProducts.map((p) => (p.lotNumber ? `${p.name} (lot ${p.lotNumber})` : p.name)).join(', ') },
              { label: 'After-care given', value: session.postCareInstructions ? 'Yes' : 'No' },
              { label: 'Photos planned', value: session.photosPlanned ? 'Yes' : 'No' },
              { label: 'Walk-in reason', value: session.walkInReason },
            ]}
          />
          {session.notes && (
            <Text size="sm" mt="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {session.notes}
            </Text>
          )}
        </RecordSection>
      </SimpleGrid>
      {warnings.length > 0 && (
        <RecordSection title="Warnings and acknowledgements">
          <Stack gap="xs">
            {warnings.map((line) => (
              <ChecklistItem key={line} tone="warning" message={line} />
            ))}
          </Stack>
        </RecordSection>
      )}
    </Stack>
  );
}
