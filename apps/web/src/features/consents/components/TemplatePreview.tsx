import { Checkbox, Divider, Paper, Stack, Text } from '@mantine/core';
import { renderConsentBody, SAMPLE_PLACEHOLDER_VALUES } from '@skinledger/domain';
import { useDeferredValue } from 'react';
import type { TemplateDraft } from '@web/features/consents/templateDraft';
import { ConsentDocument } from './ConsentDocument';

/** What the patient will see, rendered with sample patient data by the same function the API uses. */
export function TemplatePreview({ draft }: { draft: Pick<TemplateDraft, 'body' | 'acknowledgements'> }) {
  const body = useDeferredValue(draft.body);
  return (
    <Paper withBorder p="md" bg="white" role="group" aria-label="Preview">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600} mb="xs">
        Preview with sample patient {SAMPLE_PLACEHOLDER_VALUES.patientName}
      </Text>
      <ConsentDocument markdown={renderConsentBody(body, SAMPLE_PLACEHOLDER_VALUES)} />
      <Divider my="sm" />
      <Stack gap={6}>
        {draft.acknowledgements.map((a, i) => (
          <Checkbox key={i} readOnly checked={false} size="sm" label={`${a.text || '…'}${a.required ? '' : ' (optional)'}`} />
        ))}
      </Stack>
    </Paper>
  );
}
