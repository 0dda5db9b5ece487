import { Button, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconArrowLeft, IconPrinter } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { QueryErrorAlert } from '@web/components/QueryErrorAlert';
import { formatCalendarDate } from '@web/lib/time/formatCalendarDate';
import { useTreatmentSettings } from '@web/features/treatments/hooks/useTreatmentSettings';
import { useTreatmentSession } from '@web/features/treatments/hooks/useTreatmentSession';
import classes from './AfterCarePage.module.css';

/**
 * The after-care sheet for the patient (domain.md section 7): the text given with the session (or, if none was
 * recorded as given, the clinic's current text), printable on one page without the app around it.
 */
export function AfterCarePage() {
  const { id = '' } = useParams();
  const session = useTreatmentSession(id);
  const settings = useTreatmentSettings();
  useDocumentTitle('After-care instructions · SkinLedger');
  if (session.isError) return <QueryErrorAlert error={session.error} what="the session" />;
  if (session.isPending || settings.isPending) return <Skeleton height={400} />;
  const text = session.data.postCareInstructions ?? settings.data?.postCareInstructions ?? '';
  const [heading, ...lines] = text.split('\n');
  return (
    <Stack gap="md">
      <Group justify="space-between" className={classes.noPrint}>
        <Button component={Link} to={`/sessions/${id}`} variant="subtle" leftSection={<IconArrowLeft size={16} aria-hidden />}>
          Back to the session
        </Button>
        <Button leftSection={<IconPrinter size={16} aria-hidden />} onClick={() => window.print()}>
          Print
        </Button>
      </Group>
      <Paper p="xl" className={classes.sheet}>
        <Title order={1}>{heading || 'After your treatment'}</Title>
        <Text size="sm" c="slate.7" mt={4}>{`${session.data.patientName} · treated ${formatCalendarDate(session.data.performedOn)} by ${session.data.practitionerName}`}</Text>
        <Text mt="md" style={{ whiteSpace: 'pre-wrap', lineHeight: 1.7 }}>
          {lines.join('\n').trim()}
        </Text>
      </Paper>
    </Stack>
  );
}
