import { Select, type SelectProps } from '@mantine/core';
import { useLocations } from '@web/entities/location';

interface DefaultLocationSelectProps extends Omit<SelectProps, 'data' | 'value' | 'onChange'> {
  value: string | null;
  onChange: (locationId: string | null) => void;
}

/** Where SkinLedger opens for the person; active locations only (plus the current one if inactive). */
export function DefaultLocationSelect({ value, onChange, ...props }: DefaultLocationSelectProps) {
  const { data: locations = [] } = useLocations();
  const data = locations
    .filter((l) => l.isActive || l.id === value)
    .map((l) => ({ value: l.id, label: l.isActive ? l.name : `${l.name} (inactive)` }));
  return (
    <Select
      label="Default location"
      placeholder="No default"
      clearable
      {...props}
      data={data}
      value={value}
      onChange={onChange}
    />
  );
}
