import { ActionIcon, Group, Select, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { IconCamera, IconScan } from '@tabler/icons-react';
import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { formatCalendarDate } from '@web/lib/time/formatCalendarDate';
import { hasBarcodeDetector } from '@web/lib/scan/barcodeDetector';
import { CameraScanModal } from '@web/components/CameraScanModal';
import { MONO_INPUT } from '@web/components/monoInput';
import { useLotSuggestion, useUsableCartridgeLots } from '@web/features/treatments/hooks/useCartridgeStock';
import { matchScannedLot } from '@web/features/treatments/lotScan';
import type { Lot } from '@web/features/treatments/treatmentTypes';

interface LotPickerProps {
  locationId: string | undefined;
  productId: string | null;
  lotId: string | null;
  onChange: (selection: { productId: string | null; lotId: string | null }) => void;
}

const lotLabel = (lot: Lot) => `${lot.lotNumber} · exp. ${formatCalendarDate(lot.expiresOn)} · ${lot.onHand} left`;

/**
 * The cartridge: choose the product, and the earliest-expiring usable lot here is picked (FEFO); or scan the label.
 * Only lots that may be used here are offered (every one of them: the list is read to its end); expired, recalled,
 * quarantined and used-up lots are not, and a scanned one is refused.
 */
export function LotPicker({ locationId, productId, lotId, onChange }: LotPickerProps) {
  const lots = useUsableCartridgeLots(locationId);
  const suggestion = useLotSuggestion(productId, locationId);
  const [code, setCode] = useState('');
  const [scanError, setScanError] = useState<string | null>(null);
  const [camera, setCamera] = useState(false);
  const cartridges = useMemo(() => lots.lots ?? [], [lots.lots]);
  const products = [...new Map(cartridges.map((l) => [l.product.id, l.product])).values()];
  const suggestedId = suggestion.data?.lot?.id ?? null;

  // Pre-select the FEFO suggestion when a product is chosen and no lot is picked yet.
  useEffect(() => {
    if (productId && !lotId && suggestedId) onChange({ productId, lotId: suggestedId });
  }, [productId, lotId, suggestedId, onChange]);
  // One cartridge product in stock: choose it.
  useEffect(() => {
    if (!productId && products.length === 1) onChange({ productId: products[0].id, lotId: null });
  }, [productId, products, onChange]);

  const scan = (value: string) => {
    const result = matchScannedLot(value, cartridges);
    if (!result.ok) return setScanError(result.message);
    setScanError(null);
    setCode('');
    onChange({ productId: result.lot.product.id, lotId: result.lot.id });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      scan(code);
    }
  };

  const lotOptions = cartridges
    .filter((l) => l.product.id === productId)
    .map((l) => ({ value: l.id, label: lotLabel(l) }));
  return (
    <Stack gap="xs">
      <Stack gap="xs">
        <Select
          label="Cartridge"
          placeholder={lots.isPending ? 'Loading…' : 'Choose the cartridge'}
          data={products.map((p) => ({ value: p.id, label: `${p.name} (${p.manufacturer})` }))}
          value={productId}
          onChange={(value) => onChange({ productId: value, lotId: null })}
          nothingFoundMessage="No cartridges in stock here"
        />
        <Select
          label="Lot"
          placeholder={productId ? 'Choose the lot' : 'Choose the cartridge first'}
          data={lotOptions}
          value={lotId}
          onChange={(value) => onChange({ productId, lotId: value })}
          disabled={!productId}
          description={suggestedId && lotId === suggestedId ? 'First to expire of the usable lots here (FEFO)' : undefined}
        />
      </Stack>
      <Group gap="xs" align="flex-start" wrap="nowrap">
        <TextInput
          label="Scan cartridge label"
          placeholder="Scan, or type (01)…(17)…(10)… and press Enter"
          value={code}
          onChange={(event) => setCode(event.currentTarget.value)}
          onKeyDown={onKeyDown}
          error={scanError}
          styles={MONO_INPUT}
          style={{ flex: 1 }}
          leftSection={<IconScan size={16} aria-hidden />}
        />
        {hasBarcodeDetector() && (
          <Tooltip label="Scan with camera">
            <ActionIcon mt={25} size={40} variant="default" aria-label="Scan with camera" onClick={() => setCamera(true)}>
              <IconCamera size={18} aria-hidden />
            </ActionIcon>
          </Tooltip>
        )}
      </Group>
      {lots.isError && (
        <Text size="sm" c="red.8">
          Could not load the lots at this location.
        </Text>
      )}
      <CameraScanModal
        opened={camera}
        onClose={() => setCamera(false)}
        onCode={(value) => {
          setCamera(false);
          scan(value);
        }}
      />
    </Stack>
  );
}
