import { Text } from '@mantine/core';

/** A figure with its name, large enough to read across the room (the reports' headline numbers). */
export function KeyFigure({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="slate.7">{label}</Text>
      <Text fw={600} size="xl" className="tabular">{value}</Text>
    </div>
  );
}
