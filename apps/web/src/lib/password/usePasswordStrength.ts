import type { PasswordOwner } from '@skinledger/domain';
import { useEffect, useState } from 'react';
import { loadPasswordScorer, type PasswordAssessment, type PasswordScorer } from './loadPasswordScorer';

/** The strength of what is typed, once the scorer has loaded (undefined until then, or while the field is empty). */
export function usePasswordStrength(password: string, owner: PasswordOwner): PasswordAssessment | undefined {
  const [scorer, setScorer] = useState<PasswordScorer>();
  useEffect(() => {
    let current = true;
    loadPasswordScorer().then(
      (loaded) => current && setScorer(() => loaded),
      () => undefined, // no meter is better than a broken form; the API still applies the rules
    );
    return () => {
      current = false;
    };
  }, []);
  if (!scorer || !password) return undefined;
  return scorer(password, owner);
}
