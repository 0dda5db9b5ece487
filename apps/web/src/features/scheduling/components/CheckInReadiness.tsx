import { Alert, List, Stack, Text } from '@mantine/core';
import { HandOverConsentsButton } from '@web/features/consents';
import { RecordMedicalHistoryButton } from '@web/features/patients';
import { type Appointment, useCheckIn } from '@web/features/scheduling/hooks/useSchedule';
import { consentKindLabel } from '@web/lib/words/clinicWords';

/** Appointments whose visit is still to come or under way at the desk: what is missing can still be fixed. */
const FIXABLE = new Set(['booked', 'confirmed', 'checked_in']);
/** Check-in findings the questionnaire fixes: no medical history on file, or one too old. */
const HISTORY_CODES = new Set(['history_missing', 'history_stale']);

/**
 * The check-in section of the appointment drawer: ready for treatment, or what is missing before it (consents, the
 * medical history, findings for the practitioner) with the way to fix each from here — "Prepare and hand over" for
 * every missing consent at once (one kiosk session, one witness) and "Record medical history".
 */
export function CheckInReadiness({ appointment }: { appointment: Appointment }) {
  const checkIn = useCheckIn(appointment.id);
  if (!checkIn.data) return null;
  const { ready, missingConsents, blockers, warnings } = checkIn.data;
  const fixable = FIXABLE.has(appointment.status);
  const historyNeeded = [...blockers, ...warnings].some((issue) => HISTORY_CODES.has(issue.code));
  const hasActions = fixable && (missingConsents.length > 0 || historyNeeded);

  return (
    <Stack gap="xs">
      <Alert color={ready ? 'green' : 'orange'} title={ready ? 'Ready for treatment' : 'Missing before treatment'} aria-label="Check-in status">
        {ready && missingConsents.length === 0 && blockers.length === 0 && warnings.length === 0 ? (
          <Text size="sm">Every consent the visit needs is on file.</Text>
        ) : (
          <List size="sm">
            {missingConsents.map((kind) => (
              <List.Item key={kind}>Missing consent: {consentKindLabel(kind).toLowerCase()}</List.Item>
            ))}
            {blockers
              .filter((b) => b.code !== 'consent-missing')
              .map((b) => (
                <List.Item key={b.code + b.message}>{b.message}</List.Item>
              ))}
            {warnings.map((w) => (
              <List.Item key={w.code + w.message}>{w.message}</List.Item>
            ))}
          </List>
        )}
      </Alert>
      {hasActions && (
        <Stack gap="xs" component="section" aria-label="Fix before treatment">
          {missingConsents.length > 0 && (
            <HandOverConsentsButton appointmentId={appointment.id} missing={missingConsents.length} practitionerName={appointment.practitionerName} />
          )}
          {historyNeeded && <RecordMedicalHistoryButton patientId={appointment.patientId} onClosed={() => void checkIn.refetch()} />}
        </Stack>
      )}
    </Stack>
  );
}
