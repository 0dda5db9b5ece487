import { Badge, Tooltip } from '@mantine/core';
import type { ConsentTemplate } from '@web/features/consents/consentTypes';

/** "Review with your medical director" until an owner or admin approves the current version. */
export function TemplateStatusBadge({ template }: { template: Pick<ConsentTemplate, 'needsReview' | 'currentVersion' | 'approvedVersion'> }) {
  if (!template.needsReview) {
    return (
      <Badge color="green" variant="light" radius="sm">
        Approved v{template.approvedVersion}
      </Badge>
    );
  }
  return (
    <Tooltip label="Review this version with your medical director, then approve it">
      <Badge color="yellow" variant="light" radius="sm">
        Review with your medical director
      </Badge>
    </Tooltip>
  );
}
