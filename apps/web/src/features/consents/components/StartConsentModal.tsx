import { Alert, Button, Group, Modal, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { DEPTH_STEP_MM, isoDateInTimeZone, PRACTITIONER_CHECK_CODES } from '@skinledger/domain';
import { CONSENT_KIND_LABELS } from '@web/lib/words/clinicWords';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { FormAlert } from '@web/components/FormAlert';
import { isApiError } from '@web/lib/api/ApiError';
import { describeProblem, type ProblemFeedback } from '@web/lib/problems/describeProblem';
import { useSignedInUser } from '@web/entities/current-user';
import { useSelectedLocation } from '@web/entities/location';
import { usePrepareConsent } from '@web/features/consents/hooks/useConsentActions';
import { useConsentPractitioners } from '@web/features/consents/hooks/useConsentPractitioners';
import { useConsentTemplates } from '@web/features/consents/hooks/useConsentTemplates';
import { defaultPractitionerId, practitionerChoices } from '@web/features/consents/practitionerChoices';

interface StartConsentModalProps {
  patientId: string;
  opened: boolean;
  onClose: () => void;
}

const PRACTITIONER_CODES: readonly string[] = PRACTITIONER_CHECK_CODES;

/**
 * Prepares a consent from a template (rendered with this patient's details and the treating practitioner) and opens
 * the signing kiosk. The practitioner is one the clinic's licence rule allows for this form today; the field starts
 * with the signed-in user only when they are such a practitioner, and is required otherwise.
 */
export function StartConsentModal({ patientId, opened, onClose }: StartConsentModalProps) {
  const templates = useConsentTemplates();
  const practitioners = useConsentPractitioners();
  const prepare = usePrepareConsent();
  const navigate = useNavigate();
  const user = useSignedInUser();
  const { timeZone } = useSelectedLocation();
  const [templateId, setTemplateId] = useState<string | null>(null);
  // undefined: not touched yet, so the default applies (the staff list may still be loading).
  const [chosenPractitioner, setChosenPractitioner] = useState<string | null | undefined>(undefined);
  const [procedure, setProcedure] = useState('');
  const [depthMinMm, setDepthMinMm] = useState<number | string>('');
  const [depthMaxMm, setDepthMaxMm] = useState<number | string>('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<ProblemFeedback['summary']>(null);
  const template = templates.data?.find((t) => t.id === templateId);
  const needling = template?.kind === 'medical_needling' || template?.kind === 'cosmetic_needling';
  const choices = practitionerChoices(
    practitioners.data ?? [],
    template?.kind ?? null,
    needling && typeof depthMaxMm === 'number' ? depthMaxMm : null,
    isoDateInTimeZone(new Date(), timeZone),
  );
  const practitionerId = chosenPractitioner === undefined ? defaultPractitionerId(choices, user.id) : chosenPractitioner;
  const practitioner = choices.find((c) => c.value === practitionerId);
  const practitionerProblem = practitioner?.disabled ? `${practitioner.label.split(' · ')[0]} cannot be named on this form: ${practitioner.reason}` : undefined;

  const close = () => {
    setTemplateId(null);
    setChosenPractitioner(undefined);
    setProcedure('');
    setDepthMinMm('');
    setDepthMaxMm('');
    setErrors({});
    setSummary(null);
    onClose();
  };

  const submit = () => {
    if (!templateId || !practitionerId || practitionerProblem) return;
    setErrors({});
    setSummary(null);
    prepare.mutate(
      {
        patientId,
        body: {
          templateId,
          practitionerId,
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
          const feedback = describeProblem(error, (f) => (['templateId', 'procedure', 'depthMinMm', 'depthMaxMm', 'practitionerId'].includes(f) ? f : undefined));
          // The licence rule's refusal (422) names the practitioner field: shown on it rather than above the buttons.
          const refused = isApiError(error, 422) ? error.violations.filter((v) => PRACTITIONER_CODES.includes(v.code)) : [];
          if (refused.length > 0 && refused.length === (isApiError(error) ? error.violations.length : 0)) {
            setErrors({ ...feedback.fieldErrors, practitionerId: refused.map((v) => v.message).join(' ') });
            setSummary(null);
            return;
          }
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
        <Select
          label="Treating practitioner"
          description="The physician, nurse or aesthetician who treats the patient; named in the consent the patient signs"
          placeholder={practitioners.isPending ? 'Loading practitioners…' : 'Choose the practitioner'}
          data={choices.map(({ value, label, disabled }) => ({ value, label, disabled }))}
          value={practitionerId}
          onChange={(value) => {
            setChosenPractitioner(value);
            setErrors((current) => Object.fromEntries(Object.entries(current).filter(([field]) => field !== 'practitionerId')));
          }}
          error={errors.practitionerId ?? practitionerProblem}
          nothingFoundMessage="No practitioner on the staff list"
          required
          searchable
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
          The text is frozen now with the patient's name, date of birth and practitioner; the kiosk then shows only this document.
        </Text>
        <FormAlert summary={summary} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button onClick={submit} disabled={!templateId || !practitionerId || !!practitionerProblem} loading={prepare.isPending}>
            Prepare and open kiosk
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
