import { CloseButton, Group, Loader, Select, Switch, Text, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';

interface PatientSearchBarProps {
  text: string;
  onTextChange: (text: string) => void;
  searching: boolean;
  includeArchived: boolean;
  onIncludeArchivedChange: (include: boolean) => void;
  tag: string;
  tags: { tag: string; patients: number }[];
  onTagChange: (tag: string) => void;
  summary: string;
}

/** Search-as-you-type (name with typos, phone digits, email or MRN), the tag filter and the archived filter. */
export function PatientSearchBar(props: PatientSearchBarProps) {
  const { text, onTextChange, searching, includeArchived, onIncludeArchivedChange, tag, tags, onTagChange, summary } = props;
  const clear = text ? <CloseButton aria-label="Clear search" onClick={() => onTextChange('')} size="sm" /> : null;
  return (
    <Group justify="space-between" px="md" py="sm" gap="md" wrap="wrap" role="search" style={{ borderBottom: '1px solid var(--mantine-color-slate-2)' }}>
      <TextInput
        label="Search patients"
        placeholder="Name, phone, email or MRN"
        type="search"
        autoComplete="off"
        spellCheck={false}
        leftSection={<IconSearch size={16} aria-hidden />}
        rightSection={searching ? <Loader size={14} role="status" aria-label="Searching" /> : clear}
        value={text}
        onChange={(e) => onTextChange(e.currentTarget.value)}
        w={420}
        maw="100%"
        styles={{ root: { display: 'flex', alignItems: 'center', gap: 10 }, label: { whiteSpace: 'nowrap' }, wrapper: { flex: 1 } }}
      />
      <Group gap="lg">
        <Text size="sm" c="dimmed" aria-live="polite" className="tabular">
          {summary}
        </Text>
        <Select
          aria-label="Filter by tag"
          placeholder="All tags"
          data={tags.map((t) => ({ value: t.tag, label: `${t.tag} (${t.patients})` }))}
          value={tag || null}
          onChange={(value) => onTagChange(value ?? '')}
          clearable
          searchable
          w={200}
          nothingFoundMessage="No such tag"
        />
        <Switch label="Include archived" checked={includeArchived} onChange={(e) => onIncludeArchivedChange(e.currentTarget.checked)} />
      </Group>
    </Group>
  );
}
