import { Group, Select, Text } from '@mantine/core';
import { IconMapPin } from '@tabler/icons-react';
import { useSelectedLocation } from '@web/entities/location';

/** Header control: which location the user is working at. Times across the app follow its zone. */
export function LocationSwitcher() {
  const { location, choices, select } = useSelectedLocation();
  if (!location) return null;
  return (
    <Group gap={6} wrap="nowrap">
      <Text component="label" htmlFor="location-switcher" size="sm" c="dimmed" visibleFrom="md">
        Location
      </Text>
      <Select
        id="location-switcher"
        aria-label="Location"
        data={choices.map((l) => ({ value: l.id, label: l.name }))}
        value={location.id}
        onChange={(value) => value && select(value)}
        allowDeselect={false}
        leftSection={<IconMapPin size={16} aria-hidden />}
        w={200}
        comboboxProps={{ position: 'bottom-end', width: 260, shadow: 'md', keepMounted: false }}
      />
    </Group>
  );
}
