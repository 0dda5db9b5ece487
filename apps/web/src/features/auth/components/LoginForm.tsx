import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { isApiError } from '@web/lib/api/ApiError';
import { describeProblem } from '@web/lib/problems/describeProblem';
import { useForm } from '@web/lib/form/useForm';
import { isMfaRequired, useLogin } from '@web/features/auth/hooks/useLogin';
import { MfaCodeStep } from './MfaCodeStep';

interface LoginFormProps {
  initialEmail?: string;
}

function validate(values: { email: string; password: string }) {
  const errors: Record<string, string> = {};
  if (!values.email.trim()) errors.email = 'Enter your email address';
  if (!values.password) errors.password = 'Enter your password';
  return errors;
}

function errorMessage(error: unknown): string {
  if (isApiError(error, 401)) return 'The email or password is not correct.';
  if (isApiError(error, 429)) {
    return error.problem?.detail ?? 'Too many failed sign-in attempts. Wait 15 minutes or ask an administrator.';
  }
  return describeProblem(error).summary?.title ?? 'Sign-in failed. Try again.';
}

/** Email and password. On success the current-user cache is filled and the page redirects. */
export function LoginForm({ initialEmail = '' }: LoginFormProps) {
  const form = useForm({ email: initialEmail, password: '' }, validate);
  const login = useLogin();
  const [mfaStep, setMfaStep] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!form.check()) return;
    login.mutate(
      { email: form.values.email.trim(), password: form.values.password },
      {
        onError: () => form.setValue('password', ''),
        onSuccess: (answer) => {
          if (isMfaRequired(answer)) {
            form.setValue('password', '');
            setMfaStep(true);
          }
        },
      },
    );
  };

  if (mfaStep) return <MfaCodeStep onRestart={() => setMfaStep(false)} />;

  return (
    <form onSubmit={submit} noValidate aria-describedby={login.isError ? 'login-error' : undefined}>
      <Stack gap="md">
        {login.isError && (
          <Alert
            id="login-error"
            role="alert"
            color={isApiError(login.error, 429) ? 'orange' : 'red'}
            variant="light"
            icon={<IconAlertCircle size={18} aria-hidden />}
            p="sm"
          >
            {errorMessage(login.error)}
          </Alert>
        )}
        <TextInput
          label="Email"
          type="email"
          autoComplete="username"
          required
          autoFocus={!initialEmail}
          {...form.textInput('email')}
        />
        <PasswordInput
          label="Password"
          autoComplete="current-password"
          required
          autoFocus={Boolean(initialEmail)}
          {...form.textInput('password')}
        />
        <Button type="submit" fullWidth loading={login.isPending} mt="xs">
          Sign in
        </Button>
      </Stack>
    </form>
  );
}
