import { Alert, Stack, TagsInput } from '@mantine/core';
import { DEFAULT_ISOTRETINOIN_MEDICATION_NAMES, medicationsMatching } from '@skinledger/domain';
import { IconInfoCircle } from '@tabler/icons-react';

interface MedicationsQuestionProps {
  label: string;
  value: string[];
  error?: string;
  /** Whether the last isotretinoin dose date is filled in. */
  hasIsotretinoinDate: boolean;
  onChange: (value: string[]) => void;
}

/** The current medications; points out early when isotretinoin is listed without the date of the last dose. */
export function MedicationsQuestion({ label, value, error, hasIsotretinoinDate, onChange }: MedicationsQuestionProps) {
  const isotretinoin = medicationsMatching(value, DEFAULT_ISOTRETINOIN_MEDICATION_NAMES);
  return (
    <Stack gap="xs" px="md" py={10}>
      <TagsInput
        size="md"
        label={label}
        description="Type each one (with the dose if known) and press Enter or comma."
        placeholder={value.length === 0 ? 'e.g. aspirin 81 mg' : undefined}
        splitChars={[',']}
        value={value}
        onChange={onChange}
        error={error}
        clearable
      />
      {isotretinoin.length > 0 && !hasIsotretinoinDate && (
        <Alert color="yellow" variant="light" icon={<IconInfoCircle size={18} aria-hidden />} p="xs">
          {isotretinoin.join(', ')} is oral isotretinoin: enter the date of the last dose above. Without it, needling stays blocked.
        </Alert>
      )}
    </Stack>
  );
}
