import { Paper, Stack, Title } from '@mantine/core';
import type { ChartDraft } from '@web/features/treatments/chartDraft';
import { DeviceSelect } from './DeviceSelect';
import { LotPicker } from './LotPicker';

interface PenAndCartridgeSectionProps {
  draft: ChartDraft;
  locationId: string | undefined;
  onChange: (patch: Partial<ChartDraft>) => void;
}

/** The handpiece and the sterile single-use cartridge lot (domain.md section 9). */
export function PenAndCartridgeSection({ draft, locationId, onChange }: PenAndCartridgeSectionProps) {
  return (
    <Paper p="sm" component="section" aria-label="Pen and cartridge">
      <Title order={2} mb="xs">
        Pen and cartridge
      </Title>
      <Stack gap="xs">
        <DeviceSelect locationId={locationId} value={draft.deviceId} onChange={(deviceId) => onChange({ deviceId })} />
        <LotPicker
          locationId={locationId}
          productId={draft.cartridgeProductId}
          lotId={draft.cartridgeLotId}
          onChange={({ productId, lotId }) => onChange({ cartridgeProductId: productId, cartridgeLotId: lotId })}
        />
      </Stack>
    </Paper>
  );
}
