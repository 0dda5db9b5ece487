import { Alert, Badge, Group, Loader, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { RuleViolation } from '@web/lib/api/ApiError';
import type { Preflight } from '@web/features/treatments/treatmentTypes';
import { ChecklistItem } from './ChecklistItem';

interface PreflightChecklistProps {
  preflight: Preflight | undefined;
  checking: boolean;
  /** What the chart still lacks before the API can check it or start (pen, lot, walk-in reason). */
  todos: string[];
  acknowledgements: Record<string, string>;
  onAcknowledge: (code: string, reason: string) => void;
  /** Every blocker of a refused start (422), as the API listed them. */
  refusal: RuleViolation[];
  footer: ReactNode;
}

function Status({ preflight, todos }: { preflight: Preflight | undefined; todos: string[] }) {
  if (!preflight) return <Badge color="slate" tt="none">Not checked yet</Badge>;
  if (preflight.blockers.length > 0) return <Badge color="red" tt="none">{`${preflight.blockers.length} blocking`}</Badge>;
  if (todos.length > 0) return <Badge color="slate" tt="none">Incomplete</Badge>;
  return (
    <Badge color="green" tt="none" leftSection={<IconCircleCheck size={12} aria-hidden />}>
      Clear to start
    </Badge>
  );
}

/**
 * The safety checklist beside the chart: the API's preflight (blockers red, warnings amber), re-run as the chart
 * changes. Relative contraindications take a reason inline. The API refuses to start with any blocker; this explains early.
 */
export function PreflightChecklist({ preflight, checking, todos, acknowledgements, onAcknowledge, refusal, footer }: PreflightChecklistProps) {
  return (
    <Paper p="sm" component="section" aria-label="Safety checklist">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Group gap={6}>
            <Title order={2}>Safety checklist</Title>
            {checking && <Loader size={14} role="status" aria-label="Checking" />}
          </Group>
          <Status preflight={preflight} todos={todos} />
        </Group>
        {preflight && (
          <Text size="xs" c="dimmed">
            {`${preflight.procedureKind === 'medical' ? 'Medical' : 'Cosmetic'} needling · licence allows up to ${preflight.practitionerMaxDepthMm} mm · consents needed: ${preflight.requiredConsentKinds.map((k) => k.replaceAll('_', ' ')).join(', ') || 'none'}`}
          </Text>
        )}
        {refusal.length > 0 && (
          <Alert color="red" variant="light" title="The session was not started" role="alert" p="xs">
            <Stack gap={4}>
              {refusal.map((v) => (
                <Text key={`${v.code}-${v.message}`} size="sm">
                  {v.message}
                </Text>
              ))}
            </Stack>
          </Alert>
        )}
        <Stack gap="xs" role="list" aria-label="Checklist items">
          {todos.map((todo) => (
            <div role="listitem" key={todo}>
              <ChecklistItem tone="todo" message={todo} />
            </div>
          ))}
          {preflight?.blockers.map((b) => (
            <div role="listitem" key={`${b.code}-${b.subject ?? ''}-${b.message}`}>
              <ChecklistItem tone="blocker" message={b.message} />
            </div>
          ))}
          {preflight?.warnings.map((w) => (
            <div role="listitem" key={`${w.code}-${w.subject ?? ''}`}>
              <ChecklistItem tone="warning" message={w.message}>
                {w.code === 'relative-contraindication' && w.subject && (
                  <TextInput
                    aria-label={`Reason to proceed despite ${w.subject.replaceAll('_', ' ')}`}
                    placeholder="Acknowledge with a reason"
                    value={acknowledgements[w.subject] ?? ''}
                    onChange={(event) => onAcknowledge(w.subject as string, event.currentTarget.value)}
                    error={w.requiresAcknowledgement && !acknowledgements[w.subject]?.trim() ? 'A reason is needed to proceed' : undefined}
                  />
                )}
              </ChecklistItem>
            </div>
          ))}
          {preflight && preflight.blockers.length === 0 && preflight.warnings.length === 0 && todos.length === 0 && (
            <Text size="sm" c="green.8" role="listitem">
              Consents, screening, interval, licence, pen and lot are all in order.
            </Text>
          )}
        </Stack>
        {footer}
      </Stack>
    </Paper>
  );
}
