import { Badge, Tooltip } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { ALLERGY_CLASS_LABELS } from '@web/features/patients/patientVocabulary';
import type { PatientAllergy } from '@web/features/patients/patientTypes';

/** A compact red flag naming the patient's allergies (full text in the tooltip and for screen readers). */
export function AllergyIndicator({ allergies }: { allergies: readonly PatientAllergy[] }) {
  if (allergies.length === 0) return null;
  const names = allergies.map((a) => `${a.substance} (${ALLERGY_CLASS_LABELS[a.class].toLowerCase()})`).join(', ');
  return (
    <Tooltip label={`Allergies: ${names}`} withArrow multiline maw={320}>
      <Badge color="red" variant="light" tt="none" fw={600} maw="100%" leftSection={<IconAlertTriangle size={12} aria-hidden />} aria-label={`Allergies: ${names}`}>
        {allergies.length === 1 ? allergies[0]?.substance : `${allergies.length} allergies`}
      </Badge>
    </Tooltip>
  );
}
