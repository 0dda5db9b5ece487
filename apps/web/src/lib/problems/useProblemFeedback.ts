import { useCallback, useState } from 'react';
import { describeProblem, type FieldErrors, type FieldMapper, type ProblemFeedback } from './describeProblem';

interface ErrorTarget {
  setErrors: (errors: FieldErrors) => void;
}

/**
 * Turns a failed mutation into form feedback: field problems land on the matching inputs (via `mapField`),
 * everything else (detail, 422 rule violations, unmapped fields) becomes the summary shown above the buttons.
 */
export function useProblemFeedback(form: ErrorTarget, mapField: FieldMapper) {
  const [summary, setSummary] = useState<ProblemFeedback['summary']>(null);

  const showError = useCallback(
    (error: unknown) => {
      const feedback = describeProblem(error, mapField);
      form.setErrors(feedback.fieldErrors);
      setSummary(feedback.summary);
    },
    [form, mapField],
  );
  const clear = useCallback(() => setSummary(null), []);

  return { summary, showError, clear };
}

/** A mapper for forms whose field names equal the API's, with optional renames (API name -> form name). */
export function fieldsOf(fields: readonly string[], renames: Record<string, string> = {}): FieldMapper {
  return (apiField) => renames[apiField] ?? (fields.includes(apiField) ? apiField : undefined);
}
