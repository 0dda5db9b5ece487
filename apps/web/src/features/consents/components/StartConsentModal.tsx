import { Alert, Button, Group, Modal, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { DEPTH_STEP_MM } from '@skinledger/domain';
import { CONSENT_KIND_LABELS } from '@web/lib/words/clinicWords';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { FormAlert } from '@web/components/FormAlert';
import { describeProblem, type ProblemFeedback } from '@web/lib/problems/describeProblem';
import { usePrepareConsent } from '@web/features/consents/hooks/useConsentActions';
import { useConsentTemplates } from '@web/features/consents/hooks/useConsentTemplates';

interface StartConsentModalProps {
  patientId: string;
  opened: boolean;
  onClose: () => void;
}

/** Prepares a consent from a template (rendered with this patient's details) and opens the signing kiosk. */
export function StartConsentModal({ patientId, opened, onClose }: StartConsentModalProps) {
  const templates = useConsentTemplates();
  const prepare = usePrepareConsent();
  const navigate = useNavigate();
  const [templateId, setTemplateId] = useState<string | null>(null);
  const [procedure, setProcedure] = useState('');
  const [depthMinMm, setDepthMinMm] = useState<number | string>('');
  const [depthMaxMm, setDepthMaxMm] = useState<number | string>('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<ProblemFeedback['summary']>(null);
  const template = templates.data?.find((t) => t.id === templateId);
  const needling = template?.kind === 'medical_needling' || template?.kind === 'cosmetic_needling';

  const close = () => {
    setTemplateId(null);
    setProcedure('');
    setDepthMinMm('');
    setDepthMaxMm('');
    setErrors({});
    setSummary(null);
    onClose();
  };

  const submit = () => {
    if (!templateId) return;
    setErrors({});
    setSummary(null);
    prepare.mutate(
      {
        patientId,
        body: {
          templateId,
          ...(procedure.trim() ? { procedure: procedure.trim() } : {}),
          ...(needling && typeof depthMinMm === 'number' ? { depthMinMm } : {}),
          ...(needling && typeof depthMaxMm === 'number' ? { depthMaxMm } : {}),
        },
      },
      {
        onSuccess: (consent) => {
          close();
          void navigate(`/kiosk/consents/${consent.id}`);
        },
        onError: (error) => {
          const feedback = describeProblem(error, (f) => (['templateId', 'procedure', 'depthMinMm', 'depthMaxMm'].includes(f) ? f : undefined));
          setErrors(feedback.fieldErrors);
          setSummary(feedback.summary);
        },
      },
    );
  };

  return (
    <Modal opened={opened} onClose={close} title="Start a consent" size="lg">
      <Stack gap="md">
        <Select
          label="Consent form"
          placeholder="Choose a template"
          data={(templates.data ?? []).map((t) => ({ value: t.id, label: `${t.title} (${CONSENT_KIND_LABELS[t.kind]}, v${t.currentVersion})` }))}
          value={templateId}
          onChange={setTemplateId}
          error={errors.templateId}
          searchable
          data-autofocus
        />
        {template?.needsReview && (
          <Alert color="yellow" variant="light" p="sm">
            Version {template.currentVersion} has not been approved yet. Review it with your medical director.
          </Alert>
        )}
        <TextInput
          label="Procedure"
          description="Shown in the document; defaults to the form's title"
          value={procedure}
          onChange={(e) => setProcedure(e.currentTarget.value)}
          error={errors.procedure}
          maxLength={200}
        />
        {needling && (
          <Group grow>
            <NumberInput label="Depth from (mm)" min={0.1} max={3} step={DEPTH_STEP_MM} decimalScale={2} value={depthMinMm} onChange={setDepthMinMm} error={errors.depthMinMm} />
            <NumberInput label="Depth to (mm)" min={0.1} max={3} step={DEPTH_STEP_MM} decimalScale={2} value={depthMaxMm} onChange={setDepthMaxMm} error={errors.depthMaxMm} />
          </Group>
        )}
        <Text size="xs" c="dimmed">
          The text is frozen now with the patient's name and date of birth; the kiosk then shows only this document.
        </Text>
        <FormAlert summary={summary} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button onClick={submit} disabled={!templateId} loading={prepare.isPending}>
            Prepare and open kiosk
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
