import { Button } from '@mantine/core';
import { IconFileText, IconPencil, IconPrinter, IconSignature } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { TreatmentSession } from '@web/features/treatments/treatmentTypes';

interface SessionActionsProps {
  session: TreatmentSession;
  /** The signed-in user treats this session and may chart: only they edit and sign (the API checks too). */
  isTreating: boolean;
  onEdit: () => void;
  onSign: () => void;
}

/** The printable record and the after-care sheet; while in progress, chart and sign (treating practitioner only). */
export function SessionActions({ session, isTreating, onEdit, onSign }: SessionActionsProps) {
  const open = session.status === 'in_progress' && isTreating;
  return (
    <>
      <Button component={Link} to={`/sessions/${session.id}/print`} variant="default" leftSection={<IconFileText size={16} aria-hidden />}>
        Session record
      </Button>
      <Button component={Link} to={`/sessions/${session.id}/after-care`} variant="default" leftSection={<IconPrinter size={16} aria-hidden />}>
        After-care sheet
      </Button>
      {open && (
        <Button variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={onEdit}>
          Chart
        </Button>
      )}
      {open && (
        <Button leftSection={<IconSignature size={16} aria-hidden />} onClick={onSign}>
          Sign
        </Button>
      )}
    </>
  );
}
