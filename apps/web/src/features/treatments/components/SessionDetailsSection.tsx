import { Checkbox, Paper, SimpleGrid, Stack, Switch, Textarea, TextInput, Title } from '@mantine/core';
import type { ChartDraft } from '@web/features/treatments/chartDraft';

interface SessionDetailsSectionProps {
  draft: ChartDraft;
  walkIn: boolean;
  onChange: (patch: Partial<ChartDraft>) => void;
}

/** Walk-in reason, photos planned (needs a photography consent), after-care given, notes. */
export function SessionDetailsSection({ draft, walkIn, onChange }: SessionDetailsSectionProps) {
  return (
    <Paper p="sm" component="section" aria-label="Session details">
      <Title order={2} mb="xs">
        Session
      </Title>
      <Stack gap="sm">
        {walkIn && (
          <TextInput
            label="Walk-in reason"
            description="No appointment: say why the patient is treated today"
            placeholder="e.g. Follow-up treatment, patient came in without booking"
            required
            value={draft.walkInReason}
            onChange={(event) => onChange({ walkInReason: event.currentTarget.value })}
          />
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          <Switch
            size="md"
            label="Photos will be taken"
            description="Needs a valid photography consent"
            checked={draft.photosPlanned}
            onChange={(event) => onChange({ photosPlanned: event.currentTarget.checked })}
          />
          <Checkbox
            size="md"
            label="After-care instructions given"
            description="The clinic's text is kept with the session"
            checked={draft.postCareGiven}
            onChange={(event) => onChange({ postCareGiven: event.currentTarget.checked })}
          />
        </SimpleGrid>
        <Textarea
          label="Notes"
          autosize
          minRows={2}
          maxRows={6}
          value={draft.notes}
          onChange={(event) => onChange({ notes: event.currentTarget.value })}
        />
      </Stack>
    </Paper>
  );
}
