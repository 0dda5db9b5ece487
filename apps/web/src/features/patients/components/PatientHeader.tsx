import { Anchor, Badge, Group, Stack, Text, Title } from '@mantine/core';
import { FITZPATRICK_NUMERALS, type IsoDate } from '@skinledger/domain';
import { IconChevronLeft } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ageOn } from '@web/lib/time/ageOn';
import { formatCalendarDate } from '@web/lib/time/formatCalendarDate';
import { fullName, preferredNameOf } from '@web/entities/patient';
import type { Patient } from '@web/features/patients/patientTypes';
import { SEX_LABELS } from '@web/features/patients/patientVocabulary';
import { IdentityBadge } from './IdentityBadge';

interface PatientHeaderProps {
  patient: Patient;
  today: IsoDate;
  timeZone: string;
  actions: ReactNode;
}

/** The profile's h1 (the patient's full name), the identifying facts staff check aloud, and the actions. */
export function PatientHeader({ patient, today, timeZone, actions }: PatientHeaderProps) {
  const preferred = preferredNameOf(patient);
  const facts = [
    `Born ${formatCalendarDate(patient.dateOfBirth)} (${ageOn(patient.dateOfBirth, today)} years)`,
    patient.sex !== 'unknown' ? SEX_LABELS[patient.sex] : null,
    patient.fitzpatrickType ? `Phototype ${FITZPATRICK_NUMERALS[patient.fitzpatrickType - 1]}` : 'Phototype not recorded',
  ].filter((fact): fact is string => fact !== null);
  return (
    <Stack gap={6} mb="sm">
      <Anchor component={Link} to="/patients" size="sm" c="slate.6" style={{ alignSelf: 'flex-start' }}>
        <Group gap={2} component="span">
          <IconChevronLeft size={14} aria-hidden />
          Patients
        </Group>
      </Anchor>
      <Group justify="space-between" align="flex-end" gap="md" wrap="wrap">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Group gap="sm" align="center" wrap="wrap">
            <Title order={1}>{fullName(patient)}</Title>
            {preferred && (
              <Text size="sm" c="dimmed">
                goes by {preferred}
              </Text>
            )}
            <IdentityBadge patient={patient} timeZone={timeZone} />
            {patient.archived && (
              <Badge color="slate" variant="outline" tt="none">
                Archived
              </Badge>
            )}
          </Group>
          <Group gap={8} wrap="wrap">
            <Badge color="slate" variant="light" tt="none" ff="monospace" fw={600}>
              {patient.mrn}
            </Badge>
            <Text size="sm" c="slate.7" className="tabular">
              {facts.join(' · ')}
            </Text>
          </Group>
        </Stack>
        <Group gap="sm" wrap="wrap">
          {actions}
        </Group>
      </Group>
    </Stack>
  );
}
