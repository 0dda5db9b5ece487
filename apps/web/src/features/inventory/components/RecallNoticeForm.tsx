import { Button, Group, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import type { RecallClass } from '@skinledger/domain';
import { useState, type FormEvent } from 'react';
import { FormAlert } from '@web/components/FormAlert';
import { useForm } from '@web/lib/form/useForm';
import type { FieldErrors } from '@web/lib/problems/describeProblem';
import { useProblemFeedback } from '@web/lib/problems/useProblemFeedback';
import { useRecordRecallNotice } from '@web/features/inventory/hooks/useRecordRecallNotice';
import type { RecallNoticeResult } from '@web/features/inventory/inventoryTypes';
import { RecallClassSelect } from './RecallClassSelect';
import { MONO_INPUT } from '@web/components/monoInput';

interface NoticeValues {
  gtin: string;
  lotNumbers: string;
  recallClass: RecallClass | null;
  reason: string;
  reference: string;
}

const FIELDS = ['gtin', 'recallClass', 'reason', 'reference'];
const mapField = (apiField: string) => (apiField.startsWith('lotNumbers') ? 'lotNumbers' : FIELDS.includes(apiField) ? apiField : undefined);

/** One lot number per line, or separated by commas or spaces. */
const splitLots = (text: string) => [...new Set(text.split(/[\s,;]+/).filter(Boolean))];

function validate(v: NoticeValues): FieldErrors {
  const errors: FieldErrors = {};
  if (!/^\d{8}$|^\d{12,14}$/.test(v.gtin.trim())) errors.gtin = 'Enter the GTIN from the notice (8, 12, 13 or 14 digits)';
  if (splitLots(v.lotNumbers).length === 0) errors.lotNumbers = 'List at least one lot number';
  if (!v.recallClass) errors.recallClass = 'Choose the class from the notice';
  if (!v.reason.trim()) errors.reason = 'Give the reason stated in the notice';
  return errors;
}

/** A manufacturer's or FDA notice: the product and lots it names; lots on record are recalled at once. */
export function RecallNoticeForm({ onRecorded }: { onRecorded: (result: RecallNoticeResult) => void }) {
  const [initial] = useState<NoticeValues>({ gtin: '', lotNumbers: '', recallClass: null, reason: '', reference: '' });
  const form = useForm<NoticeValues>(initial, validate);
  const feedback = useProblemFeedback(form, mapField);
  const record = useRecordRecallNotice();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    feedback.clear();
    const v = form.values;
    if (!form.check() || !v.recallClass) return;
    record.mutate(
      {
        gtin: v.gtin.trim(),
        lotNumbers: splitLots(v.lotNumbers),
        recallClass: v.recallClass,
        reason: v.reason.trim(),
        ...(v.reference.trim() ? { reference: v.reference.trim() } : {}),
      },
      {
        onSuccess: (result) => {
          form.reset(initial);
          onRecorded(result);
        },
        onError: feedback.showError,
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label="GTIN" required inputMode="numeric" autoComplete="off" styles={MONO_INPUT} {...form.textInput('gtin')} />
          <RecallClassSelect value={form.values.recallClass} onChange={(c) => form.setValue('recallClass', c)} error={form.errors.recallClass} />
        </SimpleGrid>
        <Textarea label="Lot numbers" required description="One per line, or separated by commas" autosize minRows={3} styles={MONO_INPUT} {...form.textInput('lotNumbers')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label="Reason" required autoComplete="off" {...form.textInput('reason')} />
          <TextInput label="Reference" description="Recall number, e.g. Z-1234-2026" autoComplete="off" {...form.textInput('reference')} />
        </SimpleGrid>
        <FormAlert summary={feedback.summary} />
        <Group justify="flex-end">
          <Button type="submit" color="red" loading={record.isPending}>
            Record notice
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
