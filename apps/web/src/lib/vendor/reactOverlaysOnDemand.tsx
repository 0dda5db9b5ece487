import { lazy, Suspense, type ComponentProps } from 'react';

// Stands in for `react-overlays` where react-big-calendar imports it (vite.config.ts aliases the package name here).
// The calendar renders an Overlay, and Popper with it, only for its "+N more" popup, which the schedule does not turn
// on (no `popup` prop): the real Overlay is loaded if that ever changes, instead of coming with every schedule visit.
const RealOverlay = lazy(() => import('react-overlays/esm/Overlay'));

export function Overlay(props: ComponentProps<typeof RealOverlay>) {
  return (
    <Suspense fallback={null}>
      <RealOverlay {...props} />
    </Suspense>
  );
}
