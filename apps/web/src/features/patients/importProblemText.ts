import { humanizeFieldMessage } from '@web/lib/problems/humanizeFieldMessage';

/**
 * An import problem for reading next to its column: the API names the field it maps the column to
 * ("firstName must be ..."), which the column already says; an empty required cell says so plainly.
 */
export function importProblemText(problem: string): string {
  const field = /^([a-z][A-Za-z.]*)\s/.exec(problem)?.[1];
  if (field && problem.endsWith('must be longer than or equal to 1 characters')) return 'Required, but the cell is empty';
  return field ? humanizeFieldMessage(field, problem) : problem;
}
