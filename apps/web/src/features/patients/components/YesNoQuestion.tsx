import { Box, Switch, Text } from '@mantine/core';
import type { MedicalHistorySection } from '@skinledger/domain';
import { useId } from 'react';

interface YesNoQuestionProps {
  label: string;
  help?: string;
  section: MedicalHistorySection;
  checked: boolean;
  onChange: (checked: boolean) => void;
}

/** A yes/no question as a full-width row: the whole row toggles, big enough for a finger. */
export function YesNoQuestion({ label, help, section, checked, onChange }: YesNoQuestionProps) {
  const helpId = useId();
  const tint = section === 'absolute' ? 'red' : 'yellow';
  return (
    <Box px="md" py={10} bg={checked ? `${tint}.0` : undefined} style={{ transition: 'background-color 120ms' }}>
      <Switch
        size="xl"
        label={label}
        onLabel="YES"
        offLabel="NO"
        labelPosition="left"
        color={section === 'absolute' ? 'red.7' : 'yellow.7'}
        checked={checked}
        onChange={(e) => onChange(e.currentTarget.checked)}
        aria-describedby={help ? helpId : undefined}
        styles={{
          root: { width: '100%' },
          body: { justifyContent: 'space-between', alignItems: 'center', width: '100%', gap: 16, minHeight: 32 },
          labelWrapper: { flex: 1 },
          label: { fontSize: 'var(--mantine-font-size-md)', paddingInline: 0, cursor: 'pointer', color: 'var(--mantine-color-slate-9)' },
        }}
      />
      {help && (
        <Text id={helpId} size="xs" c="dimmed" mt={2}>
          {help}
        </Text>
      )}
    </Box>
  );
}
