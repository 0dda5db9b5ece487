import { Button, Group, Select, TextInput } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { useStaffList } from '@web/features/staff';
import { AUDIT_ACTION_OPTIONS, AUDIT_ENTITY_LABELS } from '@web/features/audit/auditVocabulary';
import type { AuditFilters } from '@web/features/audit/hooks/useAuditFilters';

const ENTITY_OPTIONS = Object.entries(AUDIT_ENTITY_LABELS).map(([value, label]) => ({ value, label }));

interface AuditFiltersBarProps {
  filters: AuditFilters;
  active: boolean;
  onChange: (key: keyof AuditFilters, value: string) => void;
  onClear: () => void;
}

export function AuditFiltersBar({ filters, active, onChange, onClear }: AuditFiltersBarProps) {
  const { data: staff = [] } = useStaffList(true);
  const actorOptions = staff.map((m) => ({ value: m.id, label: m.isActive ? m.name : `${m.name} (deactivated)` }));
  return (
    <Group gap="sm" align="flex-end" wrap="wrap" role="search" aria-label="Filter audit events">
      <Select
        label="Action"
        placeholder="All actions"
        data={AUDIT_ACTION_OPTIONS}
        value={filters.action || null}
        onChange={(value) => onChange('action', value ?? '')}
        clearable
        searchable
        w={240}
        comboboxProps={{ width: 280, shadow: 'md', keepMounted: false }}
      />
      <Select
        label="Entity"
        placeholder="All entities"
        data={ENTITY_OPTIONS}
        value={filters.entityType || null}
        onChange={(value) => onChange('entityType', value ?? '')}
        clearable
        w={150}
      />
      <Select
        label="Actor"
        placeholder="Anyone"
        data={actorOptions}
        value={filters.actorId || null}
        onChange={(value) => onChange('actorId', value ?? '')}
        clearable
        searchable
        w={190}
      />
      <TextInput
        label="From"
        type="date"
        value={filters.from}
        max={filters.to || undefined}
        onChange={(e) => onChange('from', e.currentTarget.value)}
        w={150}
      />
      <TextInput
        label="To"
        type="date"
        value={filters.to}
        min={filters.from || undefined}
        onChange={(e) => onChange('to', e.currentTarget.value)}
        w={150}
      />
      {active && (
        <Button variant="subtle" color="slate" leftSection={<IconX size={14} aria-hidden />} onClick={onClear}>
          Clear filters
        </Button>
      )}
    </Group>
  );
}
