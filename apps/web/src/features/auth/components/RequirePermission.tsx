import { Paper } from '@mantine/core';
import type { Permission } from '@skinledger/domain';
import { IconLock } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { EmptyState } from '@web/components/EmptyState';
import { PageHeader } from '@web/components/PageHeader';
import { usePermission } from '@web/entities/current-user';

interface RequirePermissionProps {
  permission: Permission;
  /** The page's title, kept as its heading when access is refused. */
  title: string;
  children: ReactNode;
}

/** Shows the page only to roles that have the permission; others get a plain explanation. */
export function RequirePermission({ permission, title, children }: RequirePermissionProps) {
  const allowed = usePermission(permission);
  if (allowed) return children;
  return (
    <>
      <PageHeader title={title} />
      <Paper>
        <EmptyState icon={<IconLock size={22} />} title="This page is not available to your role" headingOrder={2}>
          Ask an owner or administrator of your clinic if you need access.
        </EmptyState>
      </Paper>
    </>
  );
}
