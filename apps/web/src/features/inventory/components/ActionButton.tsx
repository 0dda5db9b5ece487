import { Button, Tooltip, type ButtonProps } from '@mantine/core';
import type { ReactNode } from 'react';

interface ActionButtonProps extends ButtonProps {
  /** Why the action is not available now; shown as a tooltip on the disabled button. */
  blockedBecause: string | null;
  onClick: () => void;
  children: ReactNode;
}

/** A lot action button; when blocked it stays focusable (aria-disabled) so its tooltip can be read. */
export function ActionButton({ blockedBecause, onClick, children, ...props }: ActionButtonProps) {
  if (!blockedBecause) {
    return (
      <Button size="xs" variant="default" onClick={onClick} {...props}>
        {children}
      </Button>
    );
  }
  return (
    <Tooltip label={blockedBecause} multiline w={260} withArrow>
      <Button size="xs" variant="default" data-disabled aria-disabled="true" onClick={(e) => e.preventDefault()} {...props}>
        {children}
      </Button>
    </Tooltip>
  );
}
