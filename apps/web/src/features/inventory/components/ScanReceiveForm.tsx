import { ActionIcon, Button, Group, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { isoDateInTimeZone, parseUdi } from '@skinledger/domain';
import { IconCamera } from '@tabler/icons-react';
import { useCallback, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { FormAlert } from '@web/components/FormAlert';
import { useForm } from '@web/lib/form/useForm';
import type { FieldErrors } from '@web/lib/problems/describeProblem';
import { fieldsOf, useProblemFeedback } from '@web/lib/problems/useProblemFeedback';
import { useSelectedLocation } from '@web/entities/location';
import { hasBarcodeDetector } from '@web/lib/scan/barcodeDetector';
import { useReceiveStock } from '@web/features/inventory/hooks/useReceiveStock';
import type { Receipt, ScannedFields } from '@web/features/inventory/inventoryTypes';
import { unknownProductScan } from '@web/features/inventory/scanProblem';
import { CameraScanModal } from '@web/components/CameraScanModal';
import { CreateProductForm } from './CreateProductForm';
import { ParsedScan } from './ParsedScan';
import { MONO_INPUT } from '@web/components/monoInput';

interface ScanValues {
  code: string;
  quantity: string;
}

const mapField = fieldsOf(['code', 'quantity']);

function validate(v: ScanValues): FieldErrors {
  const errors: FieldErrors = {};
  if (!v.code.trim()) errors.code = 'Scan the label, or type the code in its (01)…(17)…(10)… form';
  if (!/^[1-9]\d*$/.test(v.quantity.trim())) errors.quantity = 'Enter how many units arrived';
  return errors;
}

/**
 * Receiving by scan: a USB scanner types the label's GS1 string (GS separators kept) or HIBC data and ends with Enter,
 * which moves on to Quantity. An unknown GTIN or HIBC product offers to create the product, then receives again.
 */
export function ScanReceiveForm({ onReceived }: { onReceived: (receipt: Receipt) => void }) {
  const { location, timeZone } = useSelectedLocation();
  const [initial] = useState<ScanValues>({ code: '', quantity: '' });
  const form = useForm<ScanValues>(initial, validate);
  const feedback = useProblemFeedback(form, mapField);
  const receive = useReceiveStock();
  const [unknown, setUnknown] = useState<ScannedFields | null>(null);
  const [camera, setCamera] = useState(false);
  const [cameraAvailable] = useState(hasBarcodeDetector);
  const quantityRef = useRef<HTMLInputElement>(null);
  const today = isoDateInTimeZone(new Date(), timeZone);

  const send = () => {
    if (!location) return;
    feedback.clear();
    setUnknown(null);
    receive.mutate(
      { by: 'scan', body: { code: form.values.code, locationId: location.id, quantity: Number(form.values.quantity.trim()) } },
      {
        onSuccess: (receipt) => {
          form.reset(initial);
          onReceived(receipt);
        },
        onError: (error) => {
          const scanned = unknownProductScan(error);
          if (scanned) setUnknown(scanned);
          else feedback.showError(error);
        },
      },
    );
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (form.check()) send();
  };

  const scanKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    if (!form.values.quantity.trim()) quantityRef.current?.focus();
    else if (form.check()) send();
  };

  const cameraCode = useCallback(
    (code: string) => {
      setCamera(false);
      form.setValue('code', code);
      quantityRef.current?.focus();
    },
    [form],
  );

  const parsed = form.values.code.trim() ? parseUdi(form.values.code, { referenceDate: today }) : null;

  return (
    <Stack gap="md">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Group align="flex-start" gap="sm" wrap="nowrap">
            <TextInput
              label="Scan barcode"
              description="Scan the 2D code on the box (GS1 or HIBC), or type it as printed, e.g. (01)00812345678901(17)270331(10)LOT42A"
              style={{ flex: 1 }}
              autoFocus
              autoComplete="off"
              spellCheck={false}
              styles={MONO_INPUT}
              onKeyDown={scanKeyDown}
              {...form.textInput('code')}
            />
            {cameraAvailable && (
              <Tooltip label="Scan with camera">
                <ActionIcon variant="default" size="lg" mt={46} onClick={() => setCamera(true)} aria-label="Scan with camera">
                  <IconCamera size={18} aria-hidden />
                </ActionIcon>
              </Tooltip>
            )}
          </Group>
          <ParsedScan code={form.values.code} today={today} />
          <Group align="flex-end" gap="sm">
            <TextInput label="Quantity" required inputMode="numeric" w={140} ref={quantityRef} autoComplete="off" {...form.textInput('quantity')} />
            <Text size="sm" c="dimmed" pb={8}>
              units into {location?.name ?? 'the selected location'}
            </Text>
            <Button type="submit" loading={receive.isPending} disabled={!location || parsed?.ok === false} ml="auto">
              Receive
            </Button>
          </Group>
          <FormAlert summary={feedback.summary} />
        </Stack>
      </form>
      {unknown && (
        <CreateProductForm
          scanned={unknown}
          onCancel={() => setUnknown(null)}
          onCreated={() => {
            setUnknown(null);
            send();
          }}
        />
      )}
      {cameraAvailable && <CameraScanModal opened={camera} onClose={() => setCamera(false)} onCode={cameraCode} />}
    </Stack>
  );
}
