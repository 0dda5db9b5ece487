import { Paper } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { Icon } from '@tabler/icons-react';
import { EmptyState } from '@web/components/EmptyState';
import { PageHeader } from '@web/components/PageHeader';

interface UpcomingModulePageProps {
  title: string;
  icon: Icon;
  /** What the module will do, in one or two plain sentences. */
  summary: string;
}

/** A module that is not built yet: says so plainly, shows no sample data. */
export function UpcomingModulePage({ title, icon: ModuleIcon, summary }: UpcomingModulePageProps) {
  useDocumentTitle(`${title} · SkinLedger`);
  return (
    <>
      <PageHeader title={title} />
      <Paper>
        <EmptyState icon={<ModuleIcon size={22} stroke={1.6} />} title="This module arrives in a later release">
          {summary} Nothing is recorded here yet, and nothing needs to be done on this page for now.
        </EmptyState>
      </Paper>
    </>
  );
}
