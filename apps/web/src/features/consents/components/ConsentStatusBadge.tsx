import { Badge } from '@mantine/core';
import type { ConsentStatus } from '@skinledger/domain';
import { CONSENT_STATUS_COLORS, CONSENT_STATUS_LABELS } from '@web/features/consents/consentVocabulary';

export function ConsentStatusBadge({ status }: { status: ConsentStatus }) {
  return (
    <Badge color={CONSENT_STATUS_COLORS[status]} variant="light" radius="sm">
      {CONSENT_STATUS_LABELS[status]}
    </Badge>
  );
}
