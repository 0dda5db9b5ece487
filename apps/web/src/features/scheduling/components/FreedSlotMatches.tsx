import { Stack, Text, Title } from '@mantine/core';
import { usePermission } from '@web/entities/current-user';
import { useFreedSlots } from '@web/features/scheduling/hooks/useWaitlist';
import { FreedSlotCard } from './FreedSlotCard';

/** In the drawer of a cancelled, missed or moved appointment: the time it gave back and who on the waitlist fits it. */
export function FreedSlotMatches({ appointmentId }: { appointmentId: string }) {
  const canRead = usePermission('waitlist.read');
  const freed = useFreedSlots({ appointmentId }, canRead);
  // Still to come: open ones to offer, and ones booked again meanwhile (said so, rather than vanishing).
  const slots = (freed.data?.items ?? []).filter((s) => new Date(s.endsAt).getTime() > Date.now());
  if (!canRead || slots.length === 0) return null;
  return (
    <Stack gap="xs" component="section" aria-labelledby="freed-slot-heading">
      <Title order={3} size="h5" id="freed-slot-heading">
        Waitlist for the freed time
      </Title>
      <Text size="sm" c="dimmed">
        Offer the time to a patient who waits for it; the first to say yes is booked.
      </Text>
      {slots.map((slot) => (
        <FreedSlotCard key={slot.id} slot={slot} headingLevel={4} layout="list" />
      ))}
    </Stack>
  );
}
