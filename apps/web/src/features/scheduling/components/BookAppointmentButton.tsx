import { Button } from '@mantine/core';
import { IconCalendarPlus } from '@tabler/icons-react';
import { isoDateInTimeZone } from '@skinledger/domain';
import { useState } from 'react';
import { usePermission } from '@web/entities/current-user';
import { useSelectedLocation } from '@web/entities/location';
import { lazyNamed, useWantedOnce } from '@web/lib/lazy/lazyNamed';
import type { BookingDraft } from './BookingModal';

// The booking dialog (patient search, free times) loads when the button is first pressed.
const BookingModal = lazyNamed(() => import('./BookingModal'), 'BookingModal');

interface BookAppointmentButtonProps {
  patient: { id: string; firstName: string; lastName: string; mrn: string; archived: boolean };
}

/** "Book appointment" on a patient's profile: the booking dialog with the patient chosen, from today at the selected location. */
export function BookAppointmentButton({ patient }: BookAppointmentButtonProps) {
  const canBook = usePermission('schedule.book');
  const { location, timeZone } = useSelectedLocation();
  const [draft, setDraft] = useState<BookingDraft | null>(null);
  const bookingWanted = useWantedOnce(draft !== null);
  if (!canBook || !location || patient.archived) return null;
  return (
    <>
      <Button
        variant="default"
        leftSection={<IconCalendarPlus size={16} aria-hidden />}
        onClick={() =>
          setDraft({ date: isoDateInTimeZone(new Date(), timeZone), patient: { id: patient.id, label: `${patient.firstName} ${patient.lastName} · ${patient.mrn}` } })
        }
      >
        Book appointment
      </Button>
      {bookingWanted && <BookingModal draft={draft} locationId={location.id} timeZone={timeZone} onClose={() => setDraft(null)} />}
    </>
  );
}
