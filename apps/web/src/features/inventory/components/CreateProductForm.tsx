import { Button, Checkbox, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { PRODUCT_KINDS, type ProductKind } from '@skinledger/domain';
import { useState, type FormEvent } from 'react';
import { FormAlert } from '@web/components/FormAlert';
import { useForm } from '@web/lib/form/useForm';
import type { FieldErrors } from '@web/lib/problems/describeProblem';
import { fieldsOf, useProblemFeedback } from '@web/lib/problems/useProblemFeedback';
import { useCreateProduct } from '@web/features/inventory/hooks/useCreateProduct';
import { PRODUCT_KIND_LABELS } from '@web/features/inventory/inventoryVocabulary';
import type { Product } from '@web/features/inventory/inventoryTypes';

interface ProductValues {
  manufacturer: string;
  name: string;
  kind: ProductKind;
  needleCount: string;
  singleUse: boolean;
  reorderThreshold: string;
}

const KIND_OPTIONS = PRODUCT_KINDS.map((k) => ({ value: k, label: PRODUCT_KIND_LABELS[k] }));
const isKind = (value: string | null): value is ProductKind => PRODUCT_KINDS.some((k) => k === value);
const mapField = fieldsOf(['manufacturer', 'name', 'kind', 'needleCount', 'singleUse', 'reorderThreshold']);

function validate(v: ProductValues): FieldErrors {
  const errors: FieldErrors = {};
  if (!v.manufacturer.trim()) errors.manufacturer = 'Enter the manufacturer';
  if (!v.name.trim()) errors.name = 'Enter the product name';
  if (v.kind === 'needle_cartridge' && v.needleCount && !/^\d+$/.test(v.needleCount)) errors.needleCount = 'Enter a whole number';
  if (!/^\d+$/.test(v.reorderThreshold)) errors.reorderThreshold = 'Enter a whole number (0 for no alert)';
  return errors;
}

interface CreateProductFormProps {
  /** What the label named the product by: its GTIN (GS1) or its HIBC device id. */
  scanned: { gtin?: string; hibcDeviceId?: string };
  onCreated: (product: Product) => void;
  onCancel: () => void;
}

/** Shown when a scanned GTIN or HIBC device id is not on record: registers the product, then the receipt is retried. */
export function CreateProductForm({ scanned, onCreated, onCancel }: CreateProductFormProps) {
  const { gtin, hibcDeviceId } = scanned;
  const identifier = gtin ? `GTIN ${gtin}` : `HIBC product ${hibcDeviceId ?? ''}`;
  const [initial] = useState<ProductValues>({ manufacturer: '', name: '', kind: 'needle_cartridge', needleCount: '', singleUse: true, reorderThreshold: '0' });
  const form = useForm<ProductValues>(initial, validate);
  const feedback = useProblemFeedback(form, mapField);
  const create = useCreateProduct();
  const cartridge = form.values.kind === 'needle_cartridge';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    feedback.clear();
    if (!form.check()) return;
    const v = form.values;
    create.mutate(
      {
        ...(gtin ? { gtin } : {}),
        ...(hibcDeviceId ? { hibcDeviceId } : {}),
        manufacturer: v.manufacturer.trim(),
        name: v.name.trim(),
        kind: v.kind,
        singleUse: cartridge ? true : v.singleUse,
        reorderThreshold: Number(v.reorderThreshold),
        ...(cartridge && v.needleCount ? { needleCount: Number(v.needleCount) } : {}),
      },
      { onSuccess: onCreated, onError: feedback.showError },
    );
  };

  return (
    <Paper p="md" withBorder component="section" aria-labelledby="create-product-heading">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <div>
            <Title order={2} fz="md" id="create-product-heading">
              Create product
            </Title>
            <Text size="sm" c="dimmed">
              {identifier} is not on record yet. Add the product once; later deliveries are recognised by the scan.
            </Text>
          </div>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput label="Manufacturer" required data-autofocus {...form.textInput('manufacturer')} />
            <TextInput label="Product name" required {...form.textInput('name')} />
            <Select
              label="Kind"
              required
              allowDeselect={false}
              data={KIND_OPTIONS}
              value={form.values.kind}
              onChange={(value) => isKind(value) && form.setValue('kind', value)}
              error={form.errors.kind}
            />
            {cartridge ? (
              <TextInput label="Needle count" inputMode="numeric" placeholder="e.g. 14" {...form.textInput('needleCount')} />
            ) : (
              <Checkbox
                mt="lg"
                label="Single use"
                checked={form.values.singleUse}
                onChange={(e) => form.setValue('singleUse', e.currentTarget.checked)}
              />
            )}
            <TextInput
              label="Reorder threshold"
              description="Alert when usable stock at a location falls below; 0 for none"
              inputMode="numeric"
              {...form.textInput('reorderThreshold')}
            />
          </SimpleGrid>
          {cartridge && (
            <Text size="xs" c="dimmed">
              Needle cartridges are sterile and always single use.
            </Text>
          )}
          <FormAlert summary={feedback.summary} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Create product and receive
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
