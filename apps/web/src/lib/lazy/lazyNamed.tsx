import { lazy, Suspense, useEffect, useState, type ComponentType, type ReactNode } from 'react';

/**
 * A component whose code loads the first time it renders (React.lazy for a named export), inside its own Suspense
 * boundary: the `fallback` (nothing, by default) shows while the code is on its way. For what a page does not show
 * at first: a dialog, a drawer, a tab other than the first. `preload()` fetches the code ahead of that first render.
 */
export function lazyNamed<Name extends string, Props extends object>(
  load: () => Promise<Record<Name, ComponentType<Props>>>,
  name: Name,
  fallback: ReactNode = null,
) {
  let loading: Promise<Record<Name, ComponentType<Props>>> | undefined;
  const preload = () => (loading ??= load());
  const Lazy = lazy<ComponentType<Props>>(() => preload().then((module) => ({ default: module[name] })));
  function LazyNamed(props: Props) {
    return (
      <Suspense fallback={fallback}>
        <Lazy {...props} />
      </Suspense>
    );
  }
  LazyNamed.displayName = `Lazy(${name})`;
  return Object.assign(LazyNamed, { preload });
}

/**
 * Whether `wanted` has ever been true: a dialog's code loads when it is first opened, and the dialog then stays
 * mounted so that it can close with its transition.
 */
export function useWantedOnce(wanted: boolean): boolean {
  const [once, setOnce] = useState(wanted);
  useEffect(() => {
    if (wanted) setOnce(true);
  }, [wanted]);
  return once || wanted;
}
