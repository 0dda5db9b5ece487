import { Divider, Paper, Stack, Text, Title } from '@mantine/core';
import { Fragment, useId, type ReactNode } from 'react';
import type { HistorySectionInfo } from '@web/features/patients/historySections';

interface HistorySectionCardProps {
  section: HistorySectionInfo;
  renderQuestion: (info: HistorySectionInfo['fields'][number]) => ReactNode;
}

/** A section of the questionnaire: a plain-language title and intro, then its questions one per row. */
export function HistorySectionCard({ section, renderQuestion }: HistorySectionCardProps) {
  const headingId = useId();
  return (
    <Paper component="section" aria-labelledby={headingId} style={{ overflow: 'hidden' }}>
      <Stack gap={2} px="md" py="sm" bg="slate.0" style={{ borderBottom: '1px solid var(--mantine-color-slate-2)' }}>
        <Title order={2} id={headingId} fz="md">
          {section.title}
        </Title>
        <Text size="sm" c="slate.7">
          {section.intro}
        </Text>
      </Stack>
      <Stack gap={0}>
        {section.fields.map((info, index) => (
          <Fragment key={info.field}>
            {index > 0 && <Divider color="slate.1" />}
            {renderQuestion(info)}
          </Fragment>
        ))}
      </Stack>
    </Paper>
  );
}
