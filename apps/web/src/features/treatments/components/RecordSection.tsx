import { Paper, Title } from '@mantine/core';
import { useId, type ReactNode } from 'react';

/** A titled block of the session record; the region is named by its heading (so its name is said once, not twice). */
export function RecordSection({ title, actions, children }: { title: string; actions?: ReactNode; children: ReactNode }) {
  const headingId = useId();
  return (
    <Paper p="sm" component="section" aria-labelledby={headingId}>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8, marginBottom: 8, flexWrap: 'wrap' }}>
        <Title order={2} id={headingId}>
          {title}
        </Title>
        {actions}
      </div>
      {children}
    </Paper>
  );
}
