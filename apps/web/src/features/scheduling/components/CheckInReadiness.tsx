import { Alert, Badge, Group, List, Stack, Text } from '@mantine/core';
import { HandOverConsentsButton, WitnessRemoteSignatureButton } from '@web/features/consents';
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
 * every missing consent at once (one kiosk session, one witness) and "Record medical history". A history the patient
 * filled in herself shows "patient-reported history to review"; consents she signed at home show "signed remotely",
 * with the witness step when the form asks one (issue 16).
 */
export function CheckInReadiness({ appointment }: { appointment: Appointment }) {
  const checkIn = useCheckIn(appointment.id);
  if (!checkIn.data) return null;
  const { ready, missingConsents, blockers, warnings, patientReportedHistory, remotelySignedConsents } = checkIn.data;
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
      {patientReportedHistory && (
        <Alert color="blue" title="Patient-reported history to review">
          <Text size="sm">The patient filled in her medical history herself before the visit: go through it with her at check-in.</Text>
        </Alert>
      )}
      {remotelySignedConsents.length > 0 && (
        <Stack gap={4} component="section" aria-label="Signed remotely">
          {remotelySignedConsents.map((consent) => (
            <Group key={consent.id} gap="xs" justify="space-between" wrap="nowrap">
              <Group gap="xs" wrap="nowrap">
                <Badge variant="light" color="grape">
                  Signed remotely
                </Badge>
                <Text size="sm">
                  {consent.title}
                  {consent.witnessRequired && !consent.witnessed ? ' — to witness at check-in' : consent.witnessed ? ' — witnessed' : ''}
                </Text>
              </Group>
              {fixable && consent.witnessRequired && !consent.witnessed && (
                <WitnessRemoteSignatureButton consent={consent} patientName={appointment.patientName} onWitnessed={() => void checkIn.refetch()} />
              )}
            </Group>
          ))}
        </Stack>
      )}
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
