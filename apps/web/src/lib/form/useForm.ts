import { useCallback, useMemo, useState, type ChangeEvent } from 'react';
import type { FieldErrors } from '@web/lib/problems/describeProblem';

type StringKeys<T> = { [K in keyof T]: T[K] extends string ? K : never }[keyof T];

export type Validator<T> = (values: T) => FieldErrors;

/**
 * Small controlled-form state: values, per-field errors (set by validation or by the API's problem
 * document) and input props for Mantine text inputs. Editing a field clears its error.
 */
export function useForm<T extends object>(initialValues: T, validate?: Validator<T>) {
  const [values, setValues] = useState<T>(initialValues);
  const [errors, setErrorsState] = useState<FieldErrors>({});

  const setValue = useCallback(<K extends keyof T>(key: K, value: T[K]) => {
    setValues((current) => ({ ...current, [key]: value }));
    setErrorsState((current) => {
      if (!(key in current)) return current;
      const next = { ...current };
      delete next[key as string];
      return next;
    });
  }, []);

  const setErrors = useCallback((next: FieldErrors) => setErrorsState(next), []);
  const clearError = useCallback((key: string) => {
    setErrorsState((current) => {
      if (!(key in current)) return current;
      const next = { ...current };
      delete next[key];
      return next;
    });
  }, []);

  const textInput = useCallback(
    (key: StringKeys<T>) => ({
      value: values[key] as string,
      error: errors[key as string],
      onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
        setValue(key, event.currentTarget.value as T[typeof key]),
    }),
    [values, errors, setValue],
  );

  /** Runs the validator; returns true when the values may be sent. */
  const check = useCallback((): boolean => {
    const found = validate?.(values) ?? {};
    setErrorsState(found);
    return Object.keys(found).length === 0;
  }, [validate, values]);

  const reset = useCallback((next: T = initialValues) => {
    setValues(next);
    setErrorsState({});
  }, [initialValues]);

  return useMemo(
    () => ({ values, errors, setValue, setErrors, clearError, textInput, check, reset }),
    [values, errors, setValue, setErrors, clearError, textInput, check, reset],
  );
}
