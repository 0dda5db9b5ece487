import { Button, Skeleton, Text } from '@mantine/core';
import { IconAlertTriangle, IconBan, IconCircleCheck } from '@tabler/icons-react';
import type { ProcedureKind } from '@skinledger/domain';
import { formatCalendarDate } from '@web/lib/time/formatCalendarDate';
import { FINDING_CODES, findingHeadline } from '@web/features/patients/findingText';
import type { Eligibility } from '@web/features/patients/patientTypes';
import { PROCEDURE_LABELS } from '@web/features/patients/patientVocabulary';
import { BannerRow } from './BannerRow';

interface ContraindicationBannerRowsProps {
  eligibility: Eligibility | undefined;
  procedure: ProcedureKind;
  failed: boolean;
  onShowEligibility?: () => void;
}

const headlines = (findings: readonly { message: string }[]) => findings.map((f) => findingHeadline(f.message)).join(' · ');

/** Active contraindications for today from the eligibility screening: blockers (red) and warnings (amber). */
export function ContraindicationBannerRows({ eligibility, procedure, failed, onShowEligibility }: ContraindicationBannerRowsProps) {
  const kind = PROCEDURE_LABELS[procedure].toLowerCase();
  const details = onShowEligibility && (
    <Button variant="subtle" size="compact-sm" onClick={onShowEligibility} style={{ flexShrink: 0 }}>
      Details
    </Button>
  );
  if (failed) {
    return (
      <BannerRow color="slate" icon={<IconAlertTriangle size={16} />} label="Contraindications">
        <Text size="sm">Could not be checked just now. Open the eligibility check before treating.</Text>
      </BannerRow>
    );
  }
  if (!eligibility) {
    return (
      <BannerRow color="slate" icon={<IconAlertTriangle size={16} />} label="Contraindications">
        <Skeleton height={14} mt={3} width="60%" role="status" aria-label="Checking contraindications" />
      </BannerRow>
    );
  }
  // The archived state has its own row in the banner.
  const blockers = eligibility.blockers.filter((b) => b.code !== FINDING_CODES.patientArchived);
  const { warnings } = eligibility;
  return (
    <>
      {blockers.length > 0 && (
        <BannerRow color="red" icon={<IconBan size={16} />} label="Not eligible today" action={details}>
          <Text size="sm" c="red.9">
            <strong>{headlines(blockers)}</strong>
            {eligibility.eligibleFrom && ` — ${kind} possible from ${formatCalendarDate(eligibility.eligibleFrom)}`}
          </Text>
        </BannerRow>
      )}
      {warnings.length > 0 && (
        <BannerRow color="yellow" icon={<IconAlertTriangle size={16} />} label={`${warnings.length} to acknowledge`} action={blockers.length === 0 ? details : undefined}>
          <Text size="sm" c="yellow.9">
            {headlines(warnings)}
          </Text>
        </BannerRow>
      )}
      {blockers.length === 0 && warnings.length === 0 && (
        <BannerRow color="green" icon={<IconCircleCheck size={16} />} label="Contraindications" action={details}>
          <Text size="sm" c="green.9">
            No contraindications found for {kind} today
          </Text>
        </BannerRow>
      )}
    </>
  );
}
