import { passwordProblems, type PasswordOwner, type PasswordProblem } from '@skinledger/domain';

export interface PasswordAssessment {
  /** zxcvbn's 0 (guessed at once) to 4 (very hard to guess). */
  score: 0 | 1 | 2 | 3 | 4;
  /** The same rules the API applies (length, breached list, repetition, own e-mail or name). */
  problems: PasswordProblem[];
}

export type PasswordScorer = (password: string, owner: PasswordOwner) => PasswordAssessment;

let loading: Promise<PasswordScorer> | undefined;

/**
 * zxcvbn and its dictionaries are ~1 MB: loaded with import() the first time a set-password form is shown, so
 * the login page (and everything else) never carries them. The breached list is the same one the API refuses.
 */
export function loadPasswordScorer(): Promise<PasswordScorer> {
  loading ??= Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common'), import('@zxcvbn-ts/language-en')]).then(
    ([core, common, en]) => {
      core.zxcvbnOptions.setOptions({
        dictionary: { ...common.dictionary, ...en.dictionary },
        graphs: common.adjacencyGraphs,
        translations: en.translations,
      });
      const breached = new Set(common.dictionary.passwords);
      return (password, owner) => {
        const userInputs = [owner.email ?? '', ...(owner.name ?? '').split(/\s+/)].filter(Boolean);
        return {
          score: password ? core.zxcvbn(password, userInputs).score : 0,
          problems: passwordProblems(password, owner, (lower) => breached.has(lower)),
        };
      };
    },
    (error: unknown) => {
      loading = undefined; // a failed chunk download may succeed on the next keystroke
      throw error;
    },
  );
  return loading;
}
