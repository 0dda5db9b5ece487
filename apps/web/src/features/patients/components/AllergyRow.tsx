import { ActionIcon, Group, Select, Stack, Text, TextInput, type SelectProps } from '@mantine/core';
import { ALLERGY_CLASSES, type AllergyClass } from '@skinledger/domain';
import { IconTrash } from '@tabler/icons-react';
import { withClass, withSubstance, type AllergyDraft } from '@web/features/patients/allergyDrafts';
import { ALLERGY_CLASS_EXAMPLES, ALLERGY_CLASS_LABELS } from '@web/features/patients/patientVocabulary';

const CLASS_OPTIONS = ALLERGY_CLASSES.map((c) => ({ value: c, label: ALLERGY_CLASS_LABELS[c] }));
const isAllergyClass = (value: string | null): value is AllergyClass => ALLERGY_CLASSES.some((c) => c === value);

const renderClassOption: SelectProps['renderOption'] = ({ option }) => (
  <Stack gap={0}>
    <Text size="sm">{option.label}</Text>
    {isAllergyClass(option.value) && (
      <Text size="xs" c="dimmed">
        {ALLERGY_CLASS_EXAMPLES[option.value]}
      </Text>
    )}
  </Stack>
);

interface AllergyRowProps {
  index: number;
  draft: AllergyDraft;
  substanceError?: string;
  classError?: string;
  onChange: (draft: AllergyDraft) => void;
  onRemove: () => void;
  size: 'sm' | 'md';
}

/** Substance and class; the class follows the substance (lidocaine: amide) until someone picks one. */
export function AllergyRow({ index, draft, substanceError, classError, onChange, onRemove, size }: AllergyRowProps) {
  const n = index + 1;
  return (
    <Group gap="sm" align="flex-start" wrap="nowrap">
      <TextInput
        size={size}
        aria-label={`Allergy ${n} substance`}
        placeholder="Substance, e.g. lidocaine"
        autoComplete="off"
        value={draft.substance}
        onChange={(e) => onChange(withSubstance(draft, e.currentTarget.value))}
        error={substanceError}
        style={{ flex: 3 }}
      />
      <Select
        size={size}
        aria-label={`Allergy ${n} class`}
        data={CLASS_OPTIONS}
        value={draft.allergyClass}
        onChange={(value) => isAllergyClass(value) && onChange(withClass(draft, value))}
        allowDeselect={false}
        renderOption={renderClassOption}
        error={classError}
        style={{ flex: 2 }}
      />
      <ActionIcon aria-label={`Remove allergy ${n}`} onClick={onRemove} mt={size === 'md' ? 4 : 2}>
        <IconTrash size={16} aria-hidden />
      </ActionIcon>
    </Group>
  );
}
