import { useRef } from 'react';

/** The last non-null value, so a closing modal keeps showing its content during the exit transition. */
export function useLastDefined<T>(value: T | null): T | null {
  const last = useRef<T | null>(value);
  if (value !== null) last.current = value;
  return value ?? last.current;
}
