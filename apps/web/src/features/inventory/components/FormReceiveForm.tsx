import { Button, Group, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { FormAlert } from '@web/components/FormAlert';
import { useForm } from '@web/lib/form/useForm';
import type { FieldErrors } from '@web/lib/problems/describeProblem';
import { fieldsOf, useProblemFeedback } from '@web/lib/problems/useProblemFeedback';
import { useSelectedLocation } from '@web/entities/location';
import { useReceiveStock } from '@web/features/inventory/hooks/useReceiveStock';
import type { Receipt } from '@web/features/inventory/inventoryTypes';
import { ProductSelect } from './ProductSelect';

interface ManualValues {
  productId: string | null;
  lotNumber: string;
  expiresOn: string;
  quantity: string;
}

const mapField = fieldsOf(['productId', 'lotNumber', 'expiresOn', 'quantity']);

function validate(v: ManualValues): FieldErrors {
  const errors: FieldErrors = {};
  if (!v.productId) errors.productId = 'Choose the product';
  if (!v.lotNumber.trim()) errors.lotNumber = 'Enter the lot number from the label';
  if (!v.expiresOn) errors.expiresOn = 'Enter the expiry date from the label';
  if (!/^[1-9]\d*$/.test(v.quantity.trim())) errors.quantity = 'Enter how many units arrived';
  return errors;
}

/** Receiving without a scanner: the label's fields typed by hand. */
export function FormReceiveForm({ onReceived }: { onReceived: (receipt: Receipt) => void }) {
  const { location } = useSelectedLocation();
  const [initial] = useState<ManualValues>({ productId: null, lotNumber: '', expiresOn: '', quantity: '' });
  const form = useForm<ManualValues>(initial, validate);
  const feedback = useProblemFeedback(form, mapField);
  const receive = useReceiveStock();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    feedback.clear();
    const v = form.values;
    if (!form.check() || !v.productId || !location) return;
    receive.mutate(
      {
        by: 'form',
        body: { productId: v.productId, lotNumber: v.lotNumber.trim(), expiresOn: v.expiresOn, quantity: Number(v.quantity.trim()), locationId: location.id },
      },
      {
        onSuccess: (receipt) => {
          form.reset(initial);
          onReceived(receipt);
        },
        onError: feedback.showError,
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <ProductSelect required value={form.values.productId} onChange={(id) => form.setValue('productId', id)} error={form.errors.productId} />
          <TextInput label="Lot number" required autoComplete="off" {...form.textInput('lotNumber')} />
          <TextInput label="Expiry date" type="date" required description="Last day of use, as on the label" {...form.textInput('expiresOn')} />
          <TextInput label="Quantity" required inputMode="numeric" autoComplete="off" {...form.textInput('quantity')} />
        </SimpleGrid>
        <FormAlert summary={feedback.summary} />
        <Group justify="flex-end">
          <Button type="submit" loading={receive.isPending} disabled={!location}>
            Receive
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
