import { Alert, Box, Button, Center, Container, Group, Loader, Modal, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconCircleCheck, IconDeviceTablet, IconLock } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { describeProblem } from '@web/lib/problems/describeProblem';
import { useSignedInUser } from '@web/entities/current-user';
import type { ConsentDetail } from '@web/features/consents/consentTypes';
import { KioskSigningForm } from '@web/features/consents/components/KioskSigningForm';
import { KioskSessionProgress } from '@web/features/consents/components/KioskSessionProgress';
import { StaffPasswordForm } from '@web/features/consents/components/StaffPasswordForm';
import { useCloseKiosk, useWitnessConsents } from '@web/features/consents/hooks/useConsentActions';
import { useConsentList } from '@web/features/consents/hooks/usePatientConsents';

/**
 * One kiosk session for a visit's consents (`/kiosk/visits/:appointmentId?consents=id,id,…`, opened by the check-in
 * drawer's "Prepare and hand over"): full screen, large type, no way into the dashboard. The patient goes through the
 * forms one after another — each read, its acknowledgements ticked, the agreement to sign electronically, the typed
 * name and a signature — then hands the tablet back, and the staff member witnesses all of them with one password.
 * Leaving early also needs the staff password (audited by the API). Back on the schedule, the drawer shows the visit.
 */
export function VisitKioskPage() {
  const { appointmentId = '' } = useParams();
  const [params] = useSearchParams();
  const ids = (params.get('consents') ?? '').split(',').filter(Boolean);
  const user = useSignedInUser();
  const navigate = useNavigate();
  const consents = useConsentList(ids);
  const witness = useWitnessConsents();
  const closeKiosk = useCloseKiosk();
  const [leaving, setLeaving] = useState(false);
  useDocumentTitle('Consent signing · SkinLedger');

  const backToVisit = () => void navigate(`/schedule?appointment=${encodeURIComponent(appointmentId)}`, { replace: true });
  const failed = consents.find((q) => q.isError);

  if (ids.length === 0 || failed) {
    return (
      <Container size="sm" py="xl">
        <Alert color="red" title="These consents could not be opened">
          {failed ? describeProblem(failed.error).summary?.messages.join(' ') : 'No consent was named for this signing session.'}
        </Alert>
        <Button mt="md" variant="default" onClick={backToVisit}>
          Back to the schedule
        </Button>
      </Container>
    );
  }
  if (consents.some((q) => q.isPending)) {
    return (
      <Center h="100vh">
        <Loader aria-label="Loading the consents" />
      </Center>
    );
  }

  const records = consents.map((q) => q.data as ConsentDetail);
  const current = records.find((r) => !r.signedAt && !r.revokedAt);
  const position = current ? records.indexOf(current) : records.length;
  const toWitness = records.filter((r) => r.signedAt && !r.witnessedAt && !r.revokedAt);
  const signerName = [...records].reverse().find((r) => r.signerName)?.signerName ?? null;
  const isLast = current !== undefined && records.slice(position + 1).every((r) => r.signedAt || r.revokedAt);

  return (
    <Box component="main" mih="100vh" bg="slate.0" py="lg" className="consent-kiosk">
      <Container size={860}>
        <Stack gap="lg">
          <Group justify="space-between" wrap="nowrap">
            <Text size="sm" c="dimmed">
              <IconDeviceTablet size={16} style={{ verticalAlign: 'text-bottom' }} aria-hidden /> Consent signing
            </Text>
            <Button variant="subtle" color="gray" size="xs" leftSection={<IconLock size={14} />} onClick={() => setLeaving(true)}>
              Staff: leave kiosk
            </Button>
          </Group>

          <KioskSessionProgress consents={records} current={current?.id ?? null} />

          {current ? (
            <KioskSigningForm
              key={current.id}
              consent={current}
              submitLabel={isLast ? 'Sign and finish' : 'Sign and continue'}
              onSigned={() => window.scrollTo(0, 0)}
            />
          ) : (
            <Paper p="xl" radius="md">
              <Stack gap="lg" align="stretch">
                <Stack gap="xs" align="center">
                  <ThemeIcon size={64} radius="xl" color="green" variant="light" aria-hidden>
                    <IconCircleCheck size={44} />
                  </ThemeIcon>
                  <Title order={2} fz={30} ta="center">
                    Thank you{signerName ? `, ${signerName}` : ''}
                  </Title>
                  <Text size="xl" ta="center">
                    {records.length === 1 ? 'Your consent is signed.' : `All ${records.length} consents are signed.`} Please hand the tablet back to the staff.
                  </Text>
                </Stack>
                {toWitness.length > 0 ? (
                  <Paper withBorder p="lg">
                    <Title order={3} size="h4" mb="sm">
                      Staff: witness the signatures
                    </Title>
                    <StaffPasswordForm
                      staffName={user.name}
                      description={`You confirm that you saw ${signerName ?? 'the patient'} sign ${
                        toWitness.length === 1 ? 'this consent' : `these ${toWitness.length} consents`
                      }: ${toWitness.map((r) => r.title).join('; ')}. Your name and the time are added to each record and its hash.`}
                      submitLabel={toWitness.length === 1 ? 'Witness and finish' : `Witness all ${toWitness.length} and finish`}
                      busy={witness.isPending}
                      onSubmit={(password) => witness.mutateAsync({ consentIds: toWitness.map((r) => r.id), password }).then(backToVisit)}
                    />
                  </Paper>
                ) : (
                  <Button size="lg" onClick={backToVisit}>
                    Back to the schedule
                  </Button>
                )}
              </Stack>
            </Paper>
          )}
        </Stack>
      </Container>

      <Modal opened={leaving} onClose={() => setLeaving(false)} title="Leave the signing kiosk" centered>
        <StaffPasswordForm
          staffName={user.name}
          description={
            toWitness.length > 0
              ? 'What is signed is saved. Leave without witnessing? Prepare and hand over again from the appointment to finish, or witness from the patient profile.'
              : 'The consents stay unsigned; prepare and hand over again from the appointment to continue.'
          }
          submitLabel="Leave kiosk"
          busy={closeKiosk.isPending}
          onSubmit={(password) => closeKiosk.mutateAsync({ id: (current ?? records[0]).id, password }).then(backToVisit)}
        />
      </Modal>
    </Box>
  );
}
