import { Paper, Stack, Text } from '@mantine/core';
import { IconArchive } from '@tabler/icons-react';
import type { ProcedureKind } from '@skinledger/domain';
import { isoDateInTimeZone } from '@skinledger/domain';
import { formatInstant } from '@web/lib/time/formatInstant';
import { useSelectedLocation } from '@web/entities/location';
import { useEligibility } from '@web/features/patients/hooks/useEligibility';
import { usePatientAccess } from '@web/features/patients/hooks/usePatientAccess';
import type { Patient } from '@web/features/patients/patientTypes';
import { AllergyBannerRow } from './AllergyBannerRow';
import { BannerRow } from './BannerRow';
import { ContraindicationBannerRows } from './ContraindicationBannerRows';

/** The banner screens today's contraindications for the stricter procedure kind. */
const BANNER_PROCEDURE: ProcedureKind = 'medical';

interface PatientAlertBannerProps {
  patient: Patient;
  onShowEligibility?: () => void;
}

/**
 * What nobody should miss about this patient, shown at the top wherever the patient appears: allergies, active
 * contraindications (for roles that read the clinical record) and whether the record is archived.
 */
export function PatientAlertBanner({ patient, onShowEligibility }: PatientAlertBannerProps) {
  const { timeZone } = useSelectedLocation();
  const { canReadClinical } = usePatientAccess();
  const today = isoDateInTimeZone(new Date(), timeZone);
  const eligibility = useEligibility(patient.id, BANNER_PROCEDURE, today, canReadClinical);
  return (
    <Paper role="region" aria-label="Patient alerts" style={{ overflow: 'hidden' }}>
      <Stack gap={1} bg="slate.2">
        {patient.archived && (
          <BannerRow color="slate" icon={<IconArchive size={16} />} label="Archived">
            <Text size="sm">
              {patient.archivedAt ? `Since ${formatInstant(patient.archivedAt, timeZone, 'date')}` : 'Archived'}
              {patient.archiveReason ? ` — ${patient.archiveReason}` : ''}. Restore the record before booking or treatment.
            </Text>
          </BannerRow>
        )}
        <AllergyBannerRow allergies={patient.allergies} />
        {canReadClinical && (
          <ContraindicationBannerRows
            eligibility={eligibility.data}
            procedure={BANNER_PROCEDURE}
            failed={eligibility.isError}
            onShowEligibility={onShowEligibility}
          />
        )}
      </Stack>
    </Paper>
  );
}
