import { Button, Group, NumberInput, Select, Stack, Table, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Schemas } from '@skinledger/api-client';
import { DEFAULT_POST_CARE_INSTRUCTIONS, DEVICE_DEPTH_SETTINGS_MM, isDeeperThan } from '@skinledger/domain';
import { useState, type FormEvent } from 'react';
import { FormAlert } from '@web/components/FormAlert';
import { useForm } from '@web/lib/form/useForm';
import { fieldsOf, useProblemFeedback } from '@web/lib/problems/useProblemFeedback';
import { useSaveTreatmentSettings } from '@web/features/treatments/hooks/useSaveTreatmentSettings';

type TreatmentSettings = Schemas['TreatmentSettingsDto'];

interface Draft {
  postCareInstructions: string;
}

const mapField = (field: string) => (field.startsWith('zoneMaxMm.') ? undefined : fieldsOf(['postCareInstructions', 'minDaysBetweenMedicalSessions'])(field));
const mm = (value: number) => `${value.toFixed(2).replace(/0$/, '')} mm`;

/**
 * The clinic's treatment settings: each zone's maximum may be lowered below the default of domain.md section 2 (never
 * raised: deeper needs a per-session override reason), the after-care text given to patients, and the minimum days
 * between medical sessions. Read-only without settings.manage; the API checks the bounds again.
 */
export function TreatmentSettingsForm({ settings, canManage }: { settings: TreatmentSettings; canManage: boolean }) {
  const [zoneMax, setZoneMax] = useState<Record<string, number>>(() => Object.fromEntries(settings.zones.map((z) => [z.zone, z.maxMm])));
  const [minDays, setMinDays] = useState<number | string>(settings.minDaysBetweenMedicalSessions);
  const form = useForm<Draft>({ postCareInstructions: settings.postCareInstructions });
  const feedback = useProblemFeedback(form, mapField);
  const save = useSaveTreatmentSettings();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    feedback.clear();
    const lowered = Object.fromEntries(settings.zones.filter((z) => zoneMax[z.zone] < z.defaultMaxMm).map((z) => [z.zone, zoneMax[z.zone]]));
    const text = form.values.postCareInstructions.trim();
    save.mutate(
      {
        zoneMaxMm: lowered,
        ...(text && text !== DEFAULT_POST_CARE_INSTRUCTIONS ? { postCareInstructions: text } : {}),
        ...(typeof minDays === 'number' ? { minDaysBetweenMedicalSessions: minDays } : {}),
      },
      {
        onSuccess: () => notifications.show({ color: 'green', title: 'Saved', message: 'Treatment settings updated.' }),
        onError: feedback.showError,
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Treatment settings">
      <Stack gap="md">
        <Table verticalSpacing={4} fz="sm" aria-label="Zone maximums" maw={720}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Zone</Table.Th>
              <Table.Th>Typical range</Table.Th>
              <Table.Th>Default maximum</Table.Th>
              <Table.Th w={160}>Clinic maximum</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {settings.zones.map((z) => (
              <Table.Tr key={z.zone}>
                <Table.Td>{z.label}</Table.Td>
                <Table.Td c="dimmed">{z.typicalMinMm === null || z.typicalMaxMm === null ? 'not well published' : `${mm(z.typicalMinMm)}–${mm(z.typicalMaxMm)}`}</Table.Td>
                <Table.Td>{mm(z.defaultMaxMm)}</Table.Td>
                <Table.Td>
                  <Select
                    size="xs"
                    aria-label={`Clinic maximum for ${z.label}`}
                    disabled={!canManage}
                    allowDeselect={false}
                    data={DEVICE_DEPTH_SETTINGS_MM.filter((d) => !isDeeperThan(d, z.defaultMaxMm)).map((d) => ({ value: String(d), label: mm(d) }))}
                    value={String(zoneMax[z.zone])}
                    onChange={(value) => value && setZoneMax((current) => ({ ...current, [z.zone]: Number(value) }))}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Text size="xs" c="dimmed" maw={720}>
          Deeper than a zone's maximum needs a recorded reason in the session; above {mm(settings.evaluatedMaxDepthMm)} the app warns; above{' '}
          {mm(settings.deviceMaxDepthMm)} (the device maximum) it refuses.
        </Text>
        <NumberInput
          label="Minimum days between medical sessions"
          description="Default 28 (a month between medical needling sessions)"
          min={0}
          max={365}
          maw={320}
          disabled={!canManage}
          value={minDays}
          onChange={setMinDays}
          error={form.errors.minDaysBetweenMedicalSessions}
        />
        <Textarea label="After-care instructions" description="Given to the patient and stored with each session" autosize minRows={6} maw={720} disabled={!canManage} {...form.textInput('postCareInstructions')} />
        <FormAlert summary={feedback.summary} />
        {canManage && (
          <Group>
            <Button type="submit" loading={save.isPending}>
              Save treatment settings
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
