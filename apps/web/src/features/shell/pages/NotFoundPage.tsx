import { Button, Paper } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconMapOff } from '@tabler/icons-react';
import { Link } from 'react-router';
import { EmptyState } from '@web/components/EmptyState';
import { PageHeader } from '@web/components/PageHeader';

export function NotFoundPage() {
  useDocumentTitle('Page not found · SkinLedger');
  return (
    <>
      <PageHeader title="Page not found" />
      <Paper>
        <EmptyState icon={<IconMapOff size={22} />} title="There is no page at this address">
          The link may be out of date.{' '}
          <Button component={Link} to="/" variant="subtle" size="compact-sm">
            Go to the start page
          </Button>
        </EmptyState>
      </Paper>
    </>
  );
}
