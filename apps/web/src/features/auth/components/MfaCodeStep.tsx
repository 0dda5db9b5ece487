import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { problemTypeOf } from '@skinledger/domain';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { isApiError } from '@web/lib/api/ApiError';
import { describeProblem } from '@web/lib/problems/describeProblem';
import { useLoginMfa } from '@web/features/auth/hooks/useLogin';

function errorMessage(error: unknown): string {
  if (isApiError(error, 429)) return error.problem?.detail ?? 'Too many wrong codes. Wait a moment and try again.';
  if (isApiError(error, 401) && error.problem?.type === problemTypeOf('mfa-login-expired')) return 'This sign-in has expired. Start again with your password.';
  if (isApiError(error, 401)) return 'The code is not correct.';
  return describeProblem(error).summary?.title ?? 'Sign-in failed. Try again.';
}

/** Second step of sign-in: the 6-digit code of the authenticator app, or one of the recovery codes. */
export function MfaCodeStep({ onRestart }: { onRestart: () => void }) {
  const [useRecovery, setUseRecovery] = useState(false);
  const [value, setValue] = useState('');
  const verify = useLoginMfa();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!value.trim()) return;
    verify.mutate(useRecovery ? { recoveryCode: value.trim() } : { code: value.trim() }, { onError: () => setValue('') });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm">{useRecovery ? 'Enter one of your recovery codes (each works once).' : 'Enter the 6-digit code from your authenticator app.'}</Text>
        {verify.isError && (
          <Alert role="alert" color="red" variant="light" icon={<IconAlertCircle size={18} aria-hidden />} p="sm">
            {errorMessage(verify.error)}
          </Alert>
        )}
        <TextInput
          label={useRecovery ? 'Recovery code' : 'Authentication code'}
          autoComplete="one-time-code"
          inputMode={useRecovery ? 'text' : 'numeric'}
          required
          autoFocus
          value={value}
          onChange={(event) => setValue(event.currentTarget.value)}
        />
        <Button type="submit" fullWidth loading={verify.isPending}>
          Verify
        </Button>
        <Anchor component="button" type="button" size="sm" onClick={() => { setUseRecovery(!useRecovery); setValue(''); }}>
          {useRecovery ? 'Use the authenticator app code' : 'Use a recovery code instead'}
        </Anchor>
        <Anchor component="button" type="button" size="sm" onClick={onRestart}>
          Start again
        </Anchor>
      </Stack>
    </form>
  );
}
