import { Button, Checkbox, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { FormAlert } from '@web/components/FormAlert';
import { describeProblem, type ProblemFeedback } from '@web/lib/problems/describeProblem';
import type { ConsentDetail } from '@web/features/consents/consentTypes';
import { useSignConsent } from '@web/features/consents/hooks/useConsentActions';
import { ConsentDocument } from './ConsentDocument';
import { ConsentVisitDetails } from './ConsentVisitDetails';
import { SignatureCanvas } from './SignatureCanvas';

interface KioskSigningFormProps {
  consent: ConsentDetail;
  submitLabel: string;
  onSigned?: (consent: ConsentDetail) => void;
}

/**
 * One consent on the signing kiosk, in large type: the practitioner and appointment it names, the document, each
 * acknowledgement, the agreement to sign electronically (the right to paper and to withdraw stated), the typed full
 * name and the drawn signature. Render it with `key={consent.id}`: every form is ticked, typed and signed afresh.
 */
export function KioskSigningForm({ consent, submitLabel, onSigned }: KioskSigningFormProps) {
  const sign = useSignConsent();
  const [ticked, setTicked] = useState<string[]>([]);
  const [esign, setEsign] = useState(false);
  const [signerName, setSignerName] = useState('');
  const [signature, setSignature] = useState<string | null>(null);
  const [summary, setSummary] = useState<ProblemFeedback['summary']>(null);
  const required = consent.acknowledgements.filter((a) => a.required);
  const ready = required.every((a) => ticked.includes(a.key)) && esign && signerName.trim().length >= 2 && !!signature;

  const submit = () => {
    setSummary(null);
    sign.mutate(
      { id: consent.id, body: { signerName, acknowledgements: ticked, signature: signature ?? '', electronicSignatureConsent: esign } },
      { onSuccess: (signed) => onSigned?.(signed), onError: (error) => setSummary(describeProblem(error).summary) },
    );
  };

  return (
    <>
      <Paper p="xl" radius="md">
        <ConsentVisitDetails consent={consent} />
        <ConsentDocument markdown={consent.body} size="lg" />
      </Paper>
      <Paper p="xl" radius="md">
        <Stack gap="md">
          <Title order={2} fz={23}>
            Please confirm
          </Title>
          {consent.acknowledgements.map((item) => (
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
            You may sign this form electronically on this tablet. Your electronic signature has the same effect as signing on paper. You have the
            right to sign a paper copy instead: just ask the staff. You may withdraw your agreement to sign electronically at any time before you
            sign, and you can ask for a copy of the signed form.
          </Text>
          <Checkbox size="lg" label={<Text size="lg">I agree to sign electronically</Text>} checked={esign} onChange={(e) => setEsign(e.currentTarget.checked)} />
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
            {submitLabel}
          </Button>
        </Stack>
      </Paper>
    </>
  );
}
