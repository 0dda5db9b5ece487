import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { MIN_PATIENT_SEARCH, usePatientMatches } from '@web/features/scheduling/hooks/usePatientMatches';

/** A patient the picker shows as chosen without a search (preselected, or just created). */
export interface PickedPatient {
  id: string;
  label: string;
}

interface PatientPickerProps {
  /** What is typed; kept by the caller so it can clear it. */
  search: string;
  onSearchChange: (search: string) => void;
  value: string | null;
  onChange: (patientId: string | null, label: string | null) => void;
  /** Shown as an option whatever the search (the preselected or newly created patient). */
  known?: PickedPatient | null;
  placeholder?: string;
  description?: string;
}

/** "Patient": search by name or MRN (the API does the matching), pick one of the first ten. */
export function PatientPicker({ search, onSearchChange, value, onChange, known, placeholder, description }: PatientPickerProps) {
  const [debounced] = useDebouncedValue(search, 250);
  const patients = usePatientMatches(debounced);
  const found = (patients.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.firstName} ${p.lastName} · ${p.mrn}` }));
  const data = known && !found.some((o) => o.value === known.id) ? [{ value: known.id, label: known.label }, ...found] : found;
  return (
    <Select
      label="Patient"
      searchable
      placeholder={placeholder}
      description={description}
      searchValue={search}
      onSearchChange={onSearchChange}
      data={data}
      value={value}
      onChange={(id, option) => onChange(id, option?.label ?? null)}
      allowDeselect={false}
      nothingFoundMessage={debounced.length >= MIN_PATIENT_SEARCH ? 'No patient found' : 'Type at least 2 letters'}
      filter={({ options }) => options}
    />
  );
}
