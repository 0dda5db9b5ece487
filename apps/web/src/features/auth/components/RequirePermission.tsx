import { Paper } from '@mantine/core';
import type { Permission } from '@skinledger/domain';
import { IconLock } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { EmptyState } from '@web/components/EmptyState';
import { PageHeader } from '@web/components/PageHeader';
import { useSignedInUser } from '@web/entities/current-user';

interface RequirePermissionProps {
  /** The permission, or several of which any one opens the page (Reports: clinical or operational). */
  permission: Permission | readonly Permission[];
  /** The page's title, kept as its heading when access is refused. */
  title: string;
  children: ReactNode;
}

/** Shows the page only to roles that have the permission; others get a plain explanation. */
export function RequirePermission({ permission, title, children }: RequirePermissionProps) {
  const granted = useSignedInUser().permissions;
  const allowed = (typeof permission === 'string' ? [permission] : permission).some((p) => granted.includes(p));
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
