import { Button, Checkbox, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { DEVICE_DEPTH_SETTINGS_MM, FACIAL_ZONES, type TreatmentIndication, type ZoneCode } from '@skinledger/domain';
import { useState, type FormEvent } from 'react';
import { FormAlert } from '@web/components/FormAlert';
import { useLastDefined } from '@web/lib/hooks/useLastDefined';
import { describeProblem, type ProblemFeedback } from '@web/lib/problems/describeProblem';
import { INDICATION_OPTIONS, templateZoneFindings, type TemplateZoneRow } from '@web/features/treatments/templateOptions';
import { useSaveTreatmentTemplate } from '@web/features/treatments/hooks/useTreatmentTemplates';
import type { TreatmentTemplate } from '@web/features/treatments/treatmentTypes';
import { startingDepthMm } from '@web/features/treatments/chartDraft';

/** What the modal edits: a new template, or an existing one. */
export type TemplateTarget = { kind: 'new' } | { kind: 'existing'; template: TreatmentTemplate };

const DEPTH_OPTIONS = DEVICE_DEPTH_SETTINGS_MM.map((d) => ({ value: String(d), label: `${d} mm` }));

interface TemplateFormModalProps {
  target: TemplateTarget | null;
  zoneMaxMm: Partial<Record<ZoneCode, number>>;
  onClose: () => void;
}

export function TreatmentTemplateFormModal({ target, zoneMaxMm, onClose }: TemplateFormModalProps) {
  const shown = useLastDefined(target);
  const title = shown?.kind === 'existing' ? `Edit ${shown.template.name}` : 'New treatment template';
  return (
    <Modal opened={target !== null} onClose={onClose} title={title} size="xl">
      {shown && <TemplateForm key={shown.kind === 'existing' ? shown.template.id : 'new'} target={shown} zoneMaxMm={zoneMaxMm} onDone={onClose} />}
    </Modal>
  );
}

function TemplateForm({ target, zoneMaxMm, onDone }: { target: TemplateTarget; zoneMaxMm: Partial<Record<ZoneCode, number>>; onDone: () => void }) {
  const existing = target.kind === 'existing' ? target.template : undefined;
  const [name, setName] = useState(existing?.name ?? '');
  const [indication, setIndication] = useState<TreatmentIndication | null>(existing?.indication ?? null);
  const [notes, setNotes] = useState(existing?.notes ?? '');
  const [rows, setRows] = useState<Partial<Record<ZoneCode, TemplateZoneRow>>>(() =>
    Object.fromEntries((existing?.zones ?? []).map((z) => [z.zone, { included: true, depthMm: z.depthMm, passes: z.passes }])),
  );
  const [errors, setErrors] = useState<{ name?: string; indication?: string; zones?: string }>({});
  const [summary, setSummary] = useState<ProblemFeedback['summary']>(null);
  const save = useSaveTreatmentTemplate();
  const findings = templateZoneFindings(rows, zoneMaxMm);

  const setRow = (zone: ZoneCode, change: Partial<TemplateZoneRow>) =>
    setRows((current) => {
      const row = current[zone] ?? { included: false, depthMm: startingDepthMm(zone), passes: 2 };
      return { ...current, [zone]: { ...row, ...change } };
    });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSummary(null);
    const zones = FACIAL_ZONES.flatMap((z) => {
      const row = rows[z.code];
      return row?.included ? [{ zone: z.code, depthMm: row.depthMm, passes: row.passes }] : [];
    });
    const next: typeof errors = {};
    if (!name.trim()) next.name = 'Name the template';
    if (!indication) next.indication = 'Choose what the template treats';
    if (zones.length === 0) next.zones = 'Include at least one zone';
    setErrors(next);
    if (!indication || Object.keys(next).length > 0) return;
    save.mutate(
      { id: existing?.id ?? null, body: { name: name.trim(), indication, notes: notes.trim(), zones } },
      {
        onSuccess: (saved) => {
          notifications.show({ color: 'green', title: existing ? 'Template saved' : 'Template added', message: `${saved.name} is ready to apply at the chair.` });
          onDone();
        },
        onError: (error) => {
          const feedback = describeProblem(error);
          if (feedback.fieldErrors.name) setErrors((e) => ({ ...e, name: feedback.fieldErrors.name }));
          setSummary(feedback.summary);
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Treatment template">
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput label="Name" required data-autofocus value={name} error={errors.name} onChange={(e) => setName(e.currentTarget.value)} />
          <Select
            label="Indication"
            required
            data={INDICATION_OPTIONS}
            value={indication}
            error={errors.indication}
            onChange={(value) => setIndication(value as TreatmentIndication | null)}
            allowDeselect={false}
          />
        </SimpleGrid>
        <Textarea label="Notes for the practitioner" autosize minRows={2} maxRows={5} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} />
        <div>
          <Text size="sm" fw={500} mb={4}>
            Zones, depth and passes
          </Text>
          <Table aria-label="Template zones" verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Zone</Table.Th>
                <Table.Th>Depth</Table.Th>
                <Table.Th>Passes</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {FACIAL_ZONES.map((z) => {
                const row = rows[z.code];
                const included = row?.included ?? false;
                const max = Math.min(zoneMaxMm[z.code] ?? z.defaultMaxMm, z.defaultMaxMm);
                return (
                  <Table.Tr key={z.code}>
                    <Table.Td>
                      <Checkbox
                        label={z.label}
                        description={`Clinic maximum ${max} mm`}
                        checked={included}
                        onChange={(e) => setRow(z.code, { included: e.currentTarget.checked })}
                      />
                    </Table.Td>
                    <Table.Td w={150}>
                      <Select
                        aria-label={`Depth for ${z.label}`}
                        data={DEPTH_OPTIONS}
                        value={String(row?.depthMm ?? startingDepthMm(z.code))}
                        onChange={(value) => value !== null && setRow(z.code, { depthMm: Number(value), included: true })}
                        disabled={!included}
                        allowDeselect={false}
                      />
                    </Table.Td>
                    <Table.Td w={110}>
                      <NumberInput
                        aria-label={`Passes for ${z.label}`}
                        min={1}
                        max={20}
                        allowDecimal={false}
                        clampBehavior="strict"
                        value={row?.passes ?? 2}
                        onChange={(value) => setRow(z.code, { passes: typeof value === 'number' ? value : 1 })}
                        disabled={!included}
                      />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
          {errors.zones && (
            <Text size="sm" c="red.9" mt={4}>
              {errors.zones}
            </Text>
          )}
        </div>
        {findings.length > 0 && (
          <Stack gap={4} aria-label="Depth check" role="list">
            {findings.map((f) => (
              <Text key={`${f.zone}-${f.code}`} role="listitem" size="sm" c={f.blocks ? 'red.9' : 'yellow.9'} data-finding={f.blocks ? 'blocker' : 'warning'}>
                <Text span fw={700} size="sm">
                  {f.blocks ? 'Blocks the session: ' : 'Warning: '}
                </Text>
                {f.message}
              </Text>
            ))}
          </Stack>
        )}
        <FormAlert summary={summary} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            {existing ? 'Save template' : 'Add template'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
