import { useCallback, useState } from 'react';

/**
 * A control's value that changes the moment it is used, while `commit` stores it where it lives (e.g. the URL,
 * which updates a tick later). When the stored value changes from elsewhere, the control follows it.
 */
export function useImmediateValue<T>(stored: T, commit: (value: T) => void): [T, (value: T) => void] {
  const [value, setValue] = useState(stored);
  const [seen, setSeen] = useState(stored);
  if (stored !== seen) {
    setSeen(stored);
    setValue(stored);
  }
  const change = useCallback(
    (next: T) => {
      setValue(next);
      commit(next);
    },
    [commit],
  );
  return [value, change];
}
