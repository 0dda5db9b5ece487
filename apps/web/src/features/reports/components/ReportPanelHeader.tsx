import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import classes from '@web/features/reports/pages/ReportsPage.module.css';

interface ReportPanelHeaderProps {
  title: string;
  description: ReactNode;
  /** The API's ?format=csv URL with the same filters. */
  csvHref: string;
  /** The report's own choice (group by, scale), left of the download. */
  controls?: ReactNode;
}

/** A report's heading, what it counts, its own choices and its spreadsheet. */
export function ReportPanelHeader({ title, description, csvHref, controls }: ReportPanelHeaderProps) {
  return (
    <Group justify="space-between" align="flex-end" gap="sm" wrap="wrap" mb="sm">
      <Stack gap={2} style={{ flex: '1 1 320px', minWidth: 0 }}>
        <Title order={2} size="h3">
          {title}
        </Title>
        <Text size="sm" c="slate.7">
          {description}
        </Text>
      </Stack>
      <Group gap="sm" align="flex-end" wrap="wrap" className={classes.noPrint}>
        {controls}
        <Anchor href={csvHref} download size="sm" fw={500} className={classes.csvLink}>
          <IconDownload size={16} aria-hidden style={{ verticalAlign: '-3px', marginRight: 4 }} />
          Download CSV
        </Anchor>
      </Group>
    </Group>
  );
}
