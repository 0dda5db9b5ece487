import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { MIN_PATIENT_SEARCH, usePatientMatches } from '@web/features/scheduling/hooks/usePatientMatches';

interface PatientPickerProps {
  /** What is typed; kept by the caller so it can clear it. */
  search: string;
  onSearchChange: (search: string) => void;
  value: string | null;
  onChange: (patientId: string | null) => void;
  placeholder?: string;
}

/** "Patient": search by name or MRN (the API does the matching), pick one of the first ten. */
export function PatientPicker({ search, onSearchChange, value, onChange, placeholder }: PatientPickerProps) {
  const [debounced] = useDebouncedValue(search, 250);
  const patients = usePatientMatches(debounced);
  return (
    <Select
      label="Patient"
      searchable
      placeholder={placeholder}
      searchValue={search}
      onSearchChange={onSearchChange}
      data={(patients.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.firstName} ${p.lastName} · ${p.mrn}` }))}
      value={value}
      onChange={onChange}
      allowDeselect={false}
      nothingFoundMessage={debounced.length >= MIN_PATIENT_SEARCH ? 'No patient found' : 'Type at least 2 letters'}
      filter={({ options }) => options}
    />
  );
}
