import { Button } from '@mantine/core';
import { IconPlayerPlay } from '@tabler/icons-react';
import { Link } from 'react-router';
import { usePermission } from '@web/entities/current-user';

/** "Start session" on the patient profile, for those who chart treatments: opens the walk-in charting screen. */
export function StartSessionButton({ patientId, archived }: { patientId: string; archived: boolean }) {
  const canRecord = usePermission('treatment.record');
  if (!canRecord || archived) return null;
  return (
    <Button component={Link} to={`/patients/${patientId}/sessions/new`} leftSection={<IconPlayerPlay size={16} aria-hidden />}>
      Start session
    </Button>
  );
}
