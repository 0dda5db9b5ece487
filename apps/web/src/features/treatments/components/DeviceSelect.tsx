import { Select } from '@mantine/core';
import { useEffect } from 'react';
import { useDevices } from '@web/features/inventory';

interface DeviceSelectProps {
  locationId: string | undefined;
  value: string | null;
  onChange: (deviceId: string | null) => void;
}

/** The pen handpiece: active devices at the location, by model and serial number; the only one is chosen for you. */
export function DeviceSelect({ locationId, value, onChange }: DeviceSelectProps) {
  const devices = useDevices();
  const here = (devices.data ?? []).filter((d) => d.status === 'active' && d.locationId === locationId);
  useEffect(() => {
    if (!value && here.length === 1) onChange(here[0].id);
  }, [value, here, onChange]);
  return (
    <Select
      label="Pen"
      placeholder={devices.isPending ? 'Loading…' : 'Choose the pen'}
      data={here.map((d) => ({ value: d.id, label: `${d.model} · ${d.serialNumber}` }))}
      value={value}
      onChange={onChange}
      nothingFoundMessage="No active pen at this location"
      error={devices.isSuccess && here.length === 0 ? 'No active pen at this location' : undefined}
    />
  );
}
