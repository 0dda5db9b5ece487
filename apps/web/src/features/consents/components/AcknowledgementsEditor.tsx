import { ActionIcon, Button, Checkbox, Group, Stack, Text, Textarea } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { TemplateDraft } from '@web/features/consents/templateDraft';

interface AcknowledgementsEditorProps {
  value: TemplateDraft['acknowledgements'];
  onChange: (value: TemplateDraft['acknowledgements']) => void;
  error?: string;
  readOnly?: boolean;
}

/** The checkboxes the patient ticks; required ones must be ticked to sign, optional ones record a choice. */
export function AcknowledgementsEditor({ value, onChange, error, readOnly }: AcknowledgementsEditorProps) {
  const update = (i: number, patch: Partial<TemplateDraft['acknowledgements'][number]>) => onChange(value.map((a, j) => (j === i ? { ...a, ...patch } : a)));
  return (
    <Stack gap={6}>
      <Text size="sm" fw={500}>
        Acknowledgements
      </Text>
      {value.map((a, i) => (
        <Group key={i} gap="xs" wrap="nowrap" align="center">
          <Textarea
            style={{ flex: 1 }}
            autosize
            minRows={1}
            size="sm"
            aria-label={`Acknowledgement ${i + 1}`}
            value={a.text}
            onChange={(e) => update(i, { text: e.currentTarget.value })}
            maxLength={500}
            readOnly={readOnly}
          />
          <Checkbox size="xs" label="Required" checked={a.required} onChange={(e) => update(i, { required: e.currentTarget.checked })} disabled={readOnly} />
          {!readOnly && (
            <ActionIcon variant="subtle" color="gray" aria-label={`Remove acknowledgement ${i + 1}`} onClick={() => onChange(value.filter((_, j) => j !== i))} disabled={value.length === 1}>
              <IconTrash size={16} />
            </ActionIcon>
          )}
        </Group>
      ))}
      {error && (
        <Text size="xs" c="red">
          {error}
        </Text>
      )}
      {!readOnly && (
        <Button variant="subtle" size="compact-sm" leftSection={<IconPlus size={14} />} onClick={() => onChange([...value, { text: '', required: true }])} style={{ alignSelf: 'flex-start' }}>
          Add acknowledgement
        </Button>
      )}
    </Stack>
  );
}
