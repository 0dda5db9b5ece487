import { ActionIcon, Group, Slider, Stack, Text } from '@mantine/core';
import { DEPTH_STEP_MM, DEVICE_DEPTH_SETTINGS_MM } from '@skinledger/domain';
import { IconMinus, IconPlus } from '@tabler/icons-react';

interface DepthStepperProps {
  value: number;
  onChange: (depthMm: number) => void;
  zoneMaxMm: number;
}

const MAX = DEVICE_DEPTH_SETTINGS_MM[DEVICE_DEPTH_SETTINGS_MM.length - 1];
const MARKS = [0, 0.5, 1, 1.5, 2, 2.5].map((value) => ({ value, label: `${value}` }));

/** Needle depth on the pen's settings: 0 to 2.5 mm in 0.25 mm steps (domain.md section 2), with big -/+ for fingers. */
export function DepthStepper({ value, onChange, zoneMaxMm }: DepthStepperProps) {
  const set = (next: number) => onChange(Math.min(MAX, Math.max(0, Math.round(next / DEPTH_STEP_MM) * DEPTH_STEP_MM)));
  return (
    <Stack gap={4}>
      <Group justify="space-between" align="center" wrap="nowrap" gap={4}>
        <ActionIcon size={42} variant="default" aria-label="Shallower by 0.25 mm" onClick={() => set(value - DEPTH_STEP_MM)} disabled={value <= 0}>
          <IconMinus size={20} aria-hidden />
        </ActionIcon>
        <Text fz={24} fw={700} className="tabular" aria-live="polite" style={{ whiteSpace: 'nowrap' }}>
          <span data-testid="zone-depth">{value.toFixed(2)}</span>
          <Text span fz="sm" fw={500} c="slate.7">
            {' mm'}
          </Text>
        </Text>
        <ActionIcon size={42} variant="default" aria-label="Deeper by 0.25 mm" onClick={() => set(value + DEPTH_STEP_MM)} disabled={value >= MAX}>
          <IconPlus size={20} aria-hidden />
        </ActionIcon>
      </Group>
      <Text size="xs" c="dimmed" ta="center">
        {`Zone maximum ${zoneMaxMm} mm`}
      </Text>
      <Slider
        thumbLabel="Depth (mm)"
        min={0}
        max={MAX}
        step={DEPTH_STEP_MM}
        value={value}
        onChange={set}
        marks={MARKS}
        label={(v) => `${v} mm`}
        size="lg"
        thumbSize={26}
        mb="md"
        px={6}
      />
    </Stack>
  );
}
