import { Button } from '@mantine/core';

/** First focusable element: lets keyboard users jump past the header and navigation. */
export function SkipLink() {
  return (
    <Button
      component="a"
      href="#main-content"
      size="xs"
      pos="fixed"
      top={8}
      left={8}
      style={{ zIndex: 1000, transform: 'translateY(-200%)' }}
      onFocus={(event) => (event.currentTarget.style.transform = 'none')}
      onBlur={(event) => (event.currentTarget.style.transform = 'translateY(-200%)')}
    >
      Skip to content
    </Button>
  );
}
