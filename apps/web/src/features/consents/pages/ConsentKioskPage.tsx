import { Alert, Box, Button, Center, Container, Loader, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconCircleCheck, IconDeviceTablet, IconLock } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { describeProblem } from '@web/lib/problems/describeProblem';
import { useSignedInUser } from '@web/entities/current-user';
import { KioskSigningForm } from '@web/features/consents/components/KioskSigningForm';
import { StaffPasswordForm } from '@web/features/consents/components/StaffPasswordForm';
import { useCloseKiosk, useWitnessConsent } from '@web/features/consents/hooks/useConsentActions';
import { useConsent } from '@web/features/consents/hooks/usePatientConsents';

/**
 * The signing kiosk: full screen, large type, only this one document and no way into the dashboard. The patient
 * reads, ticks each acknowledgement, agrees to sign electronically (right to paper and to withdraw stated), types
 * their full name and signs with a finger or stylus. Then they hand the tablet back: the staff member witnesses with
 * their password. Leaving the kiosk at any point also needs the staff password (audited by the API).
 */
export function ConsentKioskPage() {
  const { id = '' } = useParams();
  const user = useSignedInUser();
  const navigate = useNavigate();
  const consent = useConsent(id);
  const witness = useWitnessConsent();
  const closeKiosk = useCloseKiosk();
  const [leaving, setLeaving] = useState(false);
  useDocumentTitle('Consent signing · SkinLedger');

  const backToPatient = () => void navigate(consent.data ? `/patients/${consent.data.patientId}?tab=consents` : '/patients', { replace: true });

  if (consent.isPending) {
    return (
      <Center h="100vh">
        <Loader />
      </Center>
    );
  }
  if (consent.isError) {
    return (
      <Container size="sm" py="xl">
        <Alert color="red" title="This consent could not be opened">
          {describeProblem(consent.error).summary?.messages.join(' ')}
        </Alert>
        <Button mt="md" variant="default" onClick={() => void navigate('/patients')}>
          Back to patients
        </Button>
      </Container>
    );
  }

  const record = consent.data;
  const signed = record.signedAt !== null;

  return (
    <Box component="main" mih="100vh" bg="slate.0" py="lg" className="consent-kiosk">
      <Container size={860}>
        <Stack gap="lg">
          <Box style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
            <Text size="sm" c="dimmed">
              <IconDeviceTablet size={16} style={{ verticalAlign: 'text-bottom' }} aria-hidden /> Consent signing
            </Text>
            <Button variant="subtle" color="gray" size="xs" leftSection={<IconLock size={14} />} onClick={() => setLeaving(true)}>
              Staff: leave kiosk
            </Button>
          </Box>

          {!signed && <KioskSigningForm key={record.id} consent={record} submitLabel="Sign the consent" onSigned={() => window.scrollTo(0, 0)} />}

          {signed && (
            <Paper p="xl" radius="md">
              <Stack gap="lg" align="stretch">
                <Stack gap="xs" align="center">
                  <IconCircleCheck size={56} color="var(--mantine-color-green-6)" aria-hidden />
                  <Title order={2} fz={30}>
                    Thank you, {record.signerName}
                  </Title>
                  <Text size="xl" ta="center">
                    Your consent is signed. Please hand the tablet back to the staff.
                  </Text>
                </Stack>
                {record.witnessedAt ? (
                  <Stack gap="sm">
                    <Text size="lg" ta="center">
                      Witnessed by {record.witnessName}.
                    </Text>
                    <Button size="lg" onClick={backToPatient}>
                      Back to the patient
                    </Button>
                  </Stack>
                ) : (
                  <Paper withBorder p="lg">
                    <Title order={3} size="h4" mb="sm">
                      Staff: witness the signature
                    </Title>
                    <StaffPasswordForm
                      staffName={user.name}
                      description={`You confirm that you saw ${record.signerName} sign this consent. Your name and the time are added to the record and its hash.`}
                      submitLabel="Witness and finish"
                      busy={witness.isPending}
                      onSubmit={(password) => witness.mutateAsync({ id, password }).then(backToPatient)}
                    />
                  </Paper>
                )}
              </Stack>
            </Paper>
          )}
        </Stack>
      </Container>

      <Modal opened={leaving} onClose={() => setLeaving(false)} title="Leave the signing kiosk" centered>
        <StaffPasswordForm
          staffName={user.name}
          description={signed ? 'The signature is saved. Leave without witnessing? You can witness later from the patient profile.' : 'The consent stays unsigned; you can open the kiosk again from the patient profile.'}
          submitLabel="Leave kiosk"
          busy={closeKiosk.isPending}
          onSubmit={(password) => closeKiosk.mutateAsync({ id, password }).then(backToPatient)}
        />
      </Modal>
    </Box>
  );
}
