import { Button, Stack, Text } from '@mantine/core';
import type { StaffRole } from '@skinledger/domain';
import { IconPlus } from '@tabler/icons-react';
import { useId } from 'react';
import type { FieldErrors } from '@web/lib/problems/describeProblem';
import { emptyDraft, type CredentialDraft } from '@web/features/staff/credentialDrafts';
import { CredentialFields } from './CredentialFields';
import { spell } from '@web/lib/words/clinicWords';

interface CredentialsEditorProps {
  role: StaffRole | null;
  drafts: CredentialDraft[];
  errors: FieldErrors;
  onChange: (drafts: CredentialDraft[]) => void;
  onEdited: (errorKey: string) => void;
}

/** The practitioner's licences. Shown only for practitioner roles; the set replaces the stored one. */
export function CredentialsEditor({ role, drafts, errors, onChange, onEdited }: CredentialsEditorProps) {
  const headingId = useId();
  const replace = (index: number, draft: CredentialDraft) => onChange(drafts.map((d, i) => (i === index ? draft : d)));
  const remove = (index: number) => onChange(drafts.filter((_, i) => i !== index));
  return (
    <Stack gap="xs" role="group" aria-labelledby={headingId}>
      <div>
        <Text id={headingId} size="sm" fw={600}>
          Practitioner credentials
        </Text>
        <Text size="xs" c="dimmed">
          {spell('Licences that allow this person to treat patients. Leave a row empty to skip it.')}
        </Text>
      </div>
      {drafts.map((draft, index) => (
        <CredentialFields
          key={draft.key}
          index={index}
          draft={draft}
          errors={errors}
          onChange={(next) => replace(index, next)}
          onRemove={() => remove(index)}
          onEdited={onEdited}
        />
      ))}
      <Button
        variant="subtle"
        leftSection={<IconPlus size={16} aria-hidden />}
        onClick={() => onChange([...drafts, emptyDraft(role)])}
        style={{ alignSelf: 'flex-start' }}
      >
        {drafts.length === 0 ? 'Add credential' : 'Add another credential'}
      </Button>
    </Stack>
  );
}
