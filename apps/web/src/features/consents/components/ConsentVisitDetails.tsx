import { Group, Stack, Text } from '@mantine/core';
import { IconCalendarEvent, IconStethoscope } from '@tabler/icons-react';
import type { ConsentDetail } from '@web/features/consents/consentTypes';
import { appointmentStart } from '@web/features/consents/visitWords';

/**
 * Who treats and which visit the consent is for, above the document on the kiosk: the treating practitioner the consent
 * names (never whoever prepared it) and, for a visit's consents, the appointment.
 */
export function ConsentVisitDetails({ consent, size = 'lg' }: { consent: ConsentDetail; size?: 'md' | 'lg' }) {
  return (
    <Stack component="section" gap={4} mb="md" pb="sm" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }} aria-label="Practitioner and appointment">
      <Group gap="xs" wrap="nowrap">
        <IconStethoscope size={20} aria-hidden color="var(--mantine-color-gray-7)" />
        <Text size={size}>
          Treating practitioner: <strong>{consent.practitionerName}</strong>
        </Text>
      </Group>
      {consent.appointment && (
        <Group gap="xs" wrap="nowrap">
          <IconCalendarEvent size={20} aria-hidden color="var(--mantine-color-gray-7)" />
          <Text size={size}>
            Appointment: <strong>{consent.appointment.serviceName}</strong>, {appointmentStart(consent.appointment.startsAt, consent.appointment.timeZone)}
          </Text>
        </Group>
      )}
    </Stack>
  );
}
