import { Paper, Select, Stack } from '@mantine/core';
import { useState } from 'react';
import { usePractitioners } from '@web/features/scheduling/hooks/usePractitioners';
import { useWorkingHours } from '@web/features/scheduling/hooks/useWorkingHours';
import { CalendarFeedSection } from './CalendarFeedSection';
import { TimeOffSection } from './TimeOffSection';
import { WeeklyHoursForm } from './WeeklyHoursForm';

/** One practitioner at a time: weekly hours at the selected location, time off, and their phone-calendar link. */
export function WorkingHoursPanel() {
  const practitioners = usePractitioners();
  const [staffId, setStaffId] = useState<string | null>(null);
  const hours = useWorkingHours(staffId);
  return (
    <Paper p="sm">
      <Select label="Practitioner" data={(practitioners.data ?? []).map((p) => ({ value: p.id, label: p.name }))} value={staffId} onChange={setStaffId} w={320} />
      {staffId && (
        <Stack mt="md" gap="xs">
          <WeeklyHoursForm staffId={staffId} hours={hours.data} />
          <TimeOffSection staffId={staffId} exceptions={hours.data?.exceptions ?? []} />
          <CalendarFeedSection staffId={staffId} />
        </Stack>
      )}
    </Paper>
  );
}
