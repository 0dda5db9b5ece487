import { Button, Group, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useId } from 'react';
import type { FieldErrors } from '@web/lib/problems/describeProblem';
import { allergyField, emptyAllergyDraft, type AllergyDraft } from '@web/features/patients/allergyDrafts';
import { AllergyRow } from './AllergyRow';

interface AllergiesEditorProps {
  label: string;
  description?: string;
  drafts: AllergyDraft[];
  errors: FieldErrors;
  onChange: (drafts: AllergyDraft[]) => void;
  onEdited: (errorKey: string) => void;
  /** Larger touch targets for the tablet questionnaire. */
  size?: 'sm' | 'md';
}

/** A list of allergies by substance and class (amide or ester anaesthetic, nickel, latex, other). */
export function AllergiesEditor({ label, description, drafts, errors, onChange, onEdited, size = 'sm' }: AllergiesEditorProps) {
  const headingId = useId();
  const replace = (index: number, draft: AllergyDraft) => {
    onChange(drafts.map((d, i) => (i === index ? draft : d)));
    onEdited(allergyField(index, 'substance'));
    onEdited(allergyField(index, 'class'));
  };
  const remove = (index: number) => onChange(drafts.filter((_, i) => i !== index));
  return (
    <Stack gap="xs" role="group" aria-labelledby={headingId}>
      <div>
        <Text id={headingId} size={size} fw={500}>
          {label}
        </Text>
        {description && (
          <Text size="xs" c="dimmed">
            {description}
          </Text>
        )}
      </div>
      {drafts.length === 0 && (
        <Text size="sm" c="dimmed">
          No allergies recorded.
        </Text>
      )}
      {drafts.map((draft, index) => (
        <AllergyRow
          key={draft.key}
          index={index}
          draft={draft}
          substanceError={errors[allergyField(index, 'substance')]}
          classError={errors[allergyField(index, 'class')]}
          onChange={(next) => replace(index, next)}
          onRemove={() => remove(index)}
          size={size}
        />
      ))}
      <Group>
        <Button variant="subtle" size={size} leftSection={<IconPlus size={16} aria-hidden />} onClick={() => onChange([...drafts, emptyAllergyDraft()])}>
          {drafts.length === 0 ? 'Add allergy' : 'Add another allergy'}
        </Button>
      </Group>
    </Stack>
  );
}
