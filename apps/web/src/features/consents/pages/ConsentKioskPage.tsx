import { Alert, Box, Button, Center, Checkbox, Container, Loader, Modal, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconCircleCheck, IconDeviceTablet, IconLock } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { FormAlert } from '@web/components/FormAlert';
import { describeProblem, type ProblemFeedback } from '@web/lib/problems/describeProblem';
import { useSignedInUser } from '@web/entities/current-user';
import { ConsentDocument } from '@web/features/consents/components/ConsentDocument';
import { SignatureCanvas } from '@web/features/consents/components/SignatureCanvas';
import { StaffPasswordForm } from '@web/features/consents/components/StaffPasswordForm';
import { useCloseKiosk, useSignConsent, useWitnessConsent } from '@web/features/consents/hooks/useConsentActions';
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
  const sign = useSignConsent();
  const witness = useWitnessConsent();
  const closeKiosk = useCloseKiosk();
  const [ticked, setTicked] = useState<string[]>([]);
  const [esign, setEsign] = useState(false);
  const [signerName, setSignerName] = useState('');
  const [signature, setSignature] = useState<string | null>(null);
  const [summary, setSummary] = useState<ProblemFeedback['summary']>(null);
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
  const required = record.acknowledgements.filter((a) => a.required);
  const ready = required.every((a) => ticked.includes(a.key)) && esign && signerName.trim().length >= 2 && !!signature;
  const signed = record.signedAt !== null;

  const submit = () => {
    setSummary(null);
    sign.mutate(
      { id, body: { signerName, acknowledgements: ticked, signature: signature ?? '', electronicSignatureConsent: esign } },
      { onError: (error) => setSummary(describeProblem(error).summary) },
    );
  };

  return (
    <Box mih="100vh" bg="slate.0" py="lg" className="consent-kiosk">
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

          {!signed && (
            <>
              <Paper p="xl" radius="md">
                <ConsentDocument markdown={record.body} size="lg" />
              </Paper>
              <Paper p="xl" radius="md">
                <Stack gap="md">
                  <Title order={2} fz={23}>
                    Please confirm
                  </Title>
                  {record.acknowledgements.map((item) => (
                    <Checkbox
                      key={item.key}
                      size="lg"
                      label={<Text size="lg">{item.text}</Text>}
                      checked={ticked.includes(item.key)}
                      onChange={(e) => {
                        const checked = e.currentTarget.checked;
                        setTicked((current) => (checked ? [...current, item.key] : current.filter((k) => k !== item.key)));
                      }}
                    />
                  ))}
                </Stack>
              </Paper>
              <Paper p="xl" radius="md">
                <Stack gap="md">
                  <Title order={2} fz={23}>
                    Signing electronically
                  </Title>
                  <Text size="lg">
                    You may sign this form electronically on this tablet. Your electronic signature has the same effect as signing on paper. You
                    have the right to sign a paper copy instead: just ask the staff. You may withdraw your agreement to sign electronically at
                    any time before you sign, and you can ask for a copy of the signed form.
                  </Text>
                  <Checkbox
                    size="lg"
                    label={<Text size="lg">I agree to sign electronically</Text>}
                    checked={esign}
                    onChange={(e) => setEsign(e.currentTarget.checked)}
                  />
                  <TextInput
                    size="lg"
                    label="Your full name"
                    description="Type your name as you sign it"
                    autoComplete="off"
                    value={signerName}
                    onChange={(e) => setSignerName(e.currentTarget.value)}
                  />
                  <Text size="lg" fw={500}>
                    Your signature
                  </Text>
                  <SignatureCanvas onChange={setSignature} />
                  <FormAlert summary={summary} />
                  <Button size="xl" onClick={submit} disabled={!ready} loading={sign.isPending}>
                    Sign the consent
                  </Button>
                </Stack>
              </Paper>
            </>
          )}

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
