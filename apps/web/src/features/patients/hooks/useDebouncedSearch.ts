import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';

const SEARCH_DELAY_MS = 250;

/**
 * The search box's text, committed (trimmed) to `query` once typing pauses. When `query` changes from outside
 * (back button, a link to the plain list), the box follows it.
 */
export function useDebouncedSearch(query: string, commit: (query: string) => void) {
  const [text, setText] = useState(query);
  const [seenQuery, setSeenQuery] = useState(query);
  if (query !== seenQuery) {
    setSeenQuery(query);
    if (query !== text.trim()) setText(query);
  }
  const [debounced] = useDebouncedValue(text.trim(), SEARCH_DELAY_MS);
  const committed = useRef(debounced);
  useEffect(() => {
    if (debounced === committed.current) return;
    committed.current = debounced;
    commit(debounced);
  }, [debounced, commit]);
  return { text, setText, typing: text.trim() !== query };
}
