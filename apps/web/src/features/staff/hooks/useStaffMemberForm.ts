import { isPractitionerRole, type StaffRole } from '@skinledger/domain';
import { useMemo } from 'react';
import { passwordLengthProblem } from '@web/lib/form/rules';
import { useForm } from '@web/lib/form/useForm';
import type { FieldErrors } from '@web/lib/problems/describeProblem';
import { fieldsOf, useProblemFeedback } from '@web/lib/problems/useProblemFeedback';
import { isBlankDraft, isCredentialField, validateDrafts, type CredentialDraft } from '@web/features/staff/credentialDrafts';

/** What adding and editing a staff member have in common; the password is optional only when editing. */
export interface StaffMemberValues {
  name: string;
  role: StaffRole | null;
  password: string;
  defaultLocationId: string | null;
  credentials: CredentialDraft[];
}

/** The rules both forms apply before sending: a name, a long enough password, complete credentials for practitioners. */
export function validateStaffMember(values: StaffMemberValues, { passwordRequired }: { passwordRequired: boolean }): FieldErrors {
  const errors: FieldErrors = {};
  if (!values.name.trim()) errors.name = 'Enter their full name';
  const passwordProblem = passwordRequired || values.password ? passwordLengthProblem(values.password) : undefined;
  if (passwordProblem) errors.password = passwordProblem;
  if (values.role && isPractitionerRole(values.role)) Object.assign(errors, validateDrafts(values.credentials));
  return errors;
}

/**
 * The add and edit staff forms: values, the API's field problems placed on `fields` and on the credential rows, and
 * `checkedValues()` for submit: it drops the credential rows left empty, validates, and returns the values to send
 * (null when something is missing, with the errors shown).
 */
export function useStaffMemberForm<T extends StaffMemberValues>(initialValues: T, fields: readonly string[], validate: (values: T) => FieldErrors) {
  const form = useForm<T>(initialValues);
  const mapField = useMemo(() => {
    const simple = fieldsOf(fields);
    return (apiField: string) => simple(apiField) ?? (isCredentialField(apiField) ? apiField : undefined);
  }, [fields]);
  const feedback = useProblemFeedback(form, mapField);

  const checkedValues = (): T | null => {
    feedback.clear();
    const credentials = form.values.credentials.filter((d) => !isBlankDraft(d)) as T['credentials'];
    const values = { ...form.values, credentials };
    form.setValue('credentials', credentials);
    const errors = validate(values);
    form.setErrors(errors);
    return Object.keys(errors).length > 0 ? null : values;
  };

  /** Props for the CredentialsEditor bound to this form. */
  const credentialsEditor = {
    drafts: form.values.credentials,
    errors: form.errors,
    onChange: (drafts: CredentialDraft[]) => form.setValue('credentials', drafts as T['credentials']),
    onEdited: form.clearError,
  };

  return { form, feedback, checkedValues, credentialsEditor };
}
