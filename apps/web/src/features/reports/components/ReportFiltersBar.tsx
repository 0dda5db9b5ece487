import { Group, Select, TextInput } from '@mantine/core';
import { isPractitionerRole } from '@skinledger/domain';
import { useLocations } from '@web/entities/location';
import { useStaffList } from '@web/features/staff';
import { rangeProblem, type ReportFilters } from '@web/features/reports/reportFilters';
import type { ReportParam } from '@web/features/reports/hooks/useReportFilters';
import classes from '@web/features/reports/pages/ReportsPage.module.css';

interface ReportFiltersBarProps {
  filters: ReportFilters;
  onChange: (key: ReportParam, value: string) => void;
}

/** The range (days in the clinic's zone, both inclusive), the location and the practitioner every report takes. */
export function ReportFiltersBar({ filters, onChange }: ReportFiltersBarProps) {
  const { data: locations = [] } = useLocations();
  const { data: staff = [] } = useStaffList(true);
  const practitioners = staff
    .filter((s) => isPractitionerRole(s.role))
    .map((s) => ({ value: s.id, label: s.isActive ? s.name : `${s.name} (deactivated)` }));
  const problem = rangeProblem(filters.from, filters.to);
  return (
    <Group gap="sm" align="flex-start" wrap="wrap" role="search" aria-label="Report filters" className={classes.noPrint}>
      <TextInput
        label="From"
        type="date"
        value={filters.from}
        max={filters.to || undefined}
        onChange={(e) => onChange('from', e.currentTarget.value)}
        error={problem?.field === 'from' ? problem.message : undefined}
        w={160}
      />
      <TextInput
        label="To"
        type="date"
        value={filters.to}
        min={filters.from || undefined}
        onChange={(e) => onChange('to', e.currentTarget.value)}
        error={problem?.field === 'to' ? problem.message : undefined}
        w={160}
      />
      <Select
        label="Location"
        placeholder="All locations"
        data={locations.map((l) => ({ value: l.id, label: l.isActive ? l.name : `${l.name} (closed)` }))}
        value={filters.locationId || null}
        onChange={(value) => onChange('locationId', value ?? '')}
        clearable
        w={200}
      />
      <Select
        label="Practitioner"
        placeholder="Everyone"
        data={practitioners}
        value={filters.practitionerId || null}
        onChange={(value) => onChange('practitionerId', value ?? '')}
        clearable
        searchable
        w={200}
      />
    </Group>
  );
}
