import { Text } from '@mantine/core';
import { IconAlertTriangle, IconCheck } from '@tabler/icons-react';
import { ALLERGY_CLASS_LABELS } from '@web/features/patients/patientVocabulary';
import type { PatientAllergy } from '@web/features/patients/patientTypes';
import { BannerRow } from './BannerRow';

/** The patient's recorded allergies with their class, or that none are known. */
export function AllergyBannerRow({ allergies }: { allergies: readonly PatientAllergy[] }) {
  if (allergies.length === 0) {
    return (
      <BannerRow color="slate" icon={<IconCheck size={16} />} label="Allergies">
        <Text size="sm" c="slate.7">
          No known allergies recorded on the patient
        </Text>
      </BannerRow>
    );
  }
  return (
    <BannerRow color="red" icon={<IconAlertTriangle size={16} />} label="Allergies">
      <Text size="sm" c="red.9">
        {allergies.map((a, i) => (
          <span key={a.substance}>
            {i > 0 && ' · '}
            <strong>{a.substance}</strong> ({ALLERGY_CLASS_LABELS[a.class].toLowerCase()})
          </span>
        ))}
      </Text>
    </BannerRow>
  );
}
