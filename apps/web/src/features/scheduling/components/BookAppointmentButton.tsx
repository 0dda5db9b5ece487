import { Button } from '@mantine/core';
import { IconCalendarPlus } from '@tabler/icons-react';
import { DateTime } from 'luxon';
import { useState } from 'react';
import { usePermission } from '@web/entities/current-user';
import { useSelectedLocation } from '@web/entities/location';
import { BookingModal, type BookingDraft } from './BookingModal';

interface BookAppointmentButtonProps {
  patient: { id: string; firstName: string; lastName: string; mrn: string; archived: boolean };
}

/** "Book appointment" on a patient's profile: the booking dialog with the patient chosen, from today at the selected location. */
export function BookAppointmentButton({ patient }: BookAppointmentButtonProps) {
  const canBook = usePermission('schedule.book');
  const { location, timeZone } = useSelectedLocation();
  const [draft, setDraft] = useState<BookingDraft | null>(null);
  if (!canBook || !location || patient.archived) return null;
  return (
    <>
      <Button
        variant="default"
        leftSection={<IconCalendarPlus size={16} aria-hidden />}
        onClick={() =>
          setDraft({ date: DateTime.now().setZone(timeZone).toISODate() as string, patient: { id: patient.id, label: `${patient.firstName} ${patient.lastName} · ${patient.mrn}` } })
        }
      >
        Book appointment
      </Button>
      <BookingModal draft={draft} locationId={location.id} timeZone={timeZone} onClose={() => setDraft(null)} />
    </>
  );
}
