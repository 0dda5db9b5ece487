import { Group, Select, Text, type ComboboxItem, type SelectProps } from '@mantine/core';
import { FITZPATRICK_NUMERALS } from '@skinledger/domain';
import { phototypeDescription, phototypeLabel } from '@web/features/patients/patientVocabulary';

const OPTIONS: ComboboxItem[] = FITZPATRICK_NUMERALS.map((_, index) => {
  const type = index + 1;
  return { value: String(type), label: `${phototypeLabel(type)} — ${phototypeDescription(type)}` };
});

const renderOption: SelectProps['renderOption'] = ({ option }) => {
  const [type, description] = option.label.split(' — ');
  return (
    <Group gap="sm" wrap="nowrap">
      <Text size="sm" fw={600} w={62}>
        {type}
      </Text>
      <Text size="sm" c="dimmed">
        {description}
      </Text>
    </Group>
  );
};

type PhototypeSelectProps = Omit<SelectProps, 'data' | 'renderOption'>;

/** Fitzpatrick phototype I-VI with the short description staff choose by (domain.md section 8). */
export function PhototypeSelect(props: PhototypeSelectProps) {
  return (
    <Select
      label="Fitzpatrick phototype"
      placeholder="Not recorded"
      clearable
      {...props}
      data={OPTIONS}
      renderOption={renderOption}
      comboboxProps={{ shadow: 'md', keepMounted: false }}
    />
  );
}
