import { Button, Group, List, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { TREATMENT_INDICATION_LABELS, type TreatmentIndication } from '@skinledger/domain';
import { IconHistory, IconTemplate } from '@tabler/icons-react';
import { useState } from 'react';
import { describeProblem } from '@web/lib/problems/describeProblem';
import { formatCalendarDate } from '@web/lib/time/formatCalendarDate';
import { repeatPatch, zonesFrom, type ChartDraft } from '@web/features/treatments/chartDraft';
import { INDICATION_OPTIONS } from '@web/features/treatments/templateOptions';
import type { PreviousSessionChart, TreatmentTemplate } from '@web/features/treatments/treatmentTypes';

interface ChartStartBarProps {
  indication: TreatmentIndication | null;
  templates: TreatmentTemplate[] | undefined;
  templatesLoading: boolean;
  onChange: (patch: Partial<ChartDraft>) => void;
  /** Asks the API for the previous signed session of the indication (an audited read). */
  onRepeat: (indication: TreatmentIndication) => Promise<{ previous: PreviousSessionChart | null }>;
  repeating: boolean;
}

const zoneList = (zones: readonly { label: string; depthMm: number; passes: number }[]) =>
  zones.map((z) => `${z.label} ${z.depthMm} mm ×${z.passes}`).join(', ');

interface Outcome {
  tone: 'done' | 'empty' | 'problem';
  text: string;
  notes?: string[];
}

/**
 * Where the chart starts from: the indication (what is treated), a template of the clinic for it, or the patient's
 * previous session of the same indication (zones, depths, passes, pen and the first-to-expire lot of its cartridge).
 * Either only fills the draft: the preflight then checks it like any chart, with today's limits and licence.
 */
export function ChartStartBar({ indication, templates, templatesLoading, onChange, onRepeat, repeating }: ChartStartBarProps) {
  const [templateId, setTemplateId] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const offered = (templates ?? []).filter((t) => !indication || t.indication === indication);
  const chosen = offered.find((t) => t.id === templateId) ?? null;

  const apply = (template: TreatmentTemplate) => {
    onChange({ indication: template.indication, zones: zonesFrom(template.zones) });
    const blocking = template.findings.filter((f) => f.severity === 'blocker');
    setOutcome({
      tone: 'done',
      text: `Applied “${template.name}”: ${zoneList(template.zones)}. The checklist is checking it again.`,
      notes: blocking.map((f) => f.message),
    });
  };

  const repeat = async () => {
    if (!indication) return;
    try {
      const { previous } = await onRepeat(indication);
      if (!previous) {
        setOutcome({ tone: 'empty', text: `No signed session of ${TREATMENT_INDICATION_LABELS[indication]} for this patient yet.` });
        return;
      }
      onChange(repeatPatch(previous));
      const lot = previous.lot ? `, lot ${previous.lot.lotNumber} (first to expire here, ${formatCalendarDate(previous.lot.expiresOn)})` : '';
      const pen = previous.deviceId ? `, pen ${previous.deviceLabel}` : '';
      setOutcome({
        tone: 'done',
        text: `Started from the session of ${formatCalendarDate(previous.performedOn)} by ${previous.practitionerName}: ${zoneList(previous.zones)}${pen}${lot}. The checklist is checking it again.`,
        notes: previous.notes,
      });
    } catch (error) {
      const summary = describeProblem(error).summary;
      setOutcome({ tone: 'problem', text: summary ? [summary.title, ...summary.messages].join(': ') : 'The previous session could not be read.' });
    }
  };

  return (
    <Paper p="sm" component="section" aria-labelledby="chart-start-heading" mb="md">
      <Title order={2} id="chart-start-heading" mb="xs">
        Indication and starting point
      </Title>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <Select
          label="Indication"
          placeholder="What is treated"
          data={INDICATION_OPTIONS}
          value={indication}
          onChange={(value) => {
            onChange({ indication: value as TreatmentIndication | null });
            setTemplateId(null);
          }}
          style={{ flex: '1 1 190px', maxWidth: 280 }}
          allowDeselect={false}
        />
        <Select
          label="Template"
          placeholder={templatesLoading ? 'Loading…' : offered.length === 0 ? 'None for this indication' : 'Choose a template'}
          data={offered.map((t) => ({ value: t.id, label: indication ? t.name : `${t.name} (${t.indicationLabel})` }))}
          value={templateId}
          onChange={setTemplateId}
          disabled={offered.length === 0}
          style={{ flex: '1 1 190px', maxWidth: 300 }}
        />
        <Button variant="default" leftSection={<IconTemplate size={16} aria-hidden />} disabled={!chosen} onClick={() => chosen && apply(chosen)}>
          Apply template
        </Button>
        <Button
          variant="default"
          leftSection={<IconHistory size={16} aria-hidden />}
          disabled={!indication}
          loading={repeating}
          onClick={() => void repeat()}
        >
          Start from last session
        </Button>
      </Group>
      {!indication && (
        <Text size="xs" c="slate.7" mt={4}>
          Choose the indication to start from the patient’s last session of it, or from one of its templates.
        </Text>
      )}
      <Stack gap={4} mt={outcome ? 'xs' : 0} role="status" aria-live="polite">
        {outcome && (
          <>
            <Text size="sm" c={outcome.tone === 'problem' ? 'red.9' : outcome.tone === 'empty' ? 'slate.7' : 'slate.9'}>
              {outcome.text}
            </Text>
            {outcome.notes && outcome.notes.length > 0 && (
              <List size="sm" c="yellow.9" spacing={2}>
                {outcome.notes.map((note) => (
                  <List.Item key={note}>{note}</List.Item>
                ))}
              </List>
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}
