import { Alert, Button, Code, CopyButton, Group, Image, List, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { describeProblem } from '@web/lib/problems/describeProblem';
import { useMfaEnrolment } from '@web/features/auth/hooks/useMfaEnrolment';

function downloadCodes(codes: string[]) {
  const url = URL.createObjectURL(new Blob([`SkinLedger recovery codes (each works once)\n\n${codes.join('\n')}\n`], { type: 'text/plain' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = 'skinledger-recovery-codes.txt';
  link.click();
  URL.revokeObjectURL(url);
}

/** Turning on two-step sign-in: password, QR code (and the secret as text), first code, recovery codes shown once. */
export function MfaEnrolment({ onDone }: { onDone: () => void }) {
  const { enroll, activate } = useMfaEnrolment();
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [qr, setQr] = useState<string>();
  const secret = enroll.data;

  useEffect(() => {
    // The QR encoder is loaded only here, when someone turns two-step sign-in on.
    if (secret) void import('qrcode').then(({ toDataURL }) => toDataURL(secret.otpauthUri, { margin: 1, width: 200 })).then(setQr);
  }, [secret]);

  if (activate.data) {
    const codes = activate.data.recoveryCodes;
    return (
      <Stack gap="sm">
        <Alert color="green" variant="light">Two-step sign-in is on.</Alert>
        <Text size="sm">Keep these recovery codes somewhere safe. Each signs you in once if you lose your phone. They are shown only now.</Text>
        <List size="sm" data-testid="recovery-codes">
          {codes.map((c) => (
            <List.Item key={c}>
              <Code>{c}</Code>
            </List.Item>
          ))}
        </List>
        <Group>
          <CopyButton value={codes.join('\n')}>{({ copied, copy }) => <Button variant="light" onClick={copy}>{copied ? 'Copied' : 'Copy'}</Button>}</CopyButton>
          <Button variant="light" onClick={() => downloadCodes(codes)}>Download</Button>
          <Button onClick={onDone}>I have saved them</Button>
        </Group>
      </Stack>
    );
  }

  if (!secret) {
    const submit = (event: FormEvent) => {
      event.preventDefault();
      if (password) enroll.mutate({ password }, { onError: () => setPassword('') });
    };
    return (
      <form onSubmit={submit}>
        <Stack gap="sm">
          {enroll.isError && <Alert color="red" role="alert">{describeProblem(enroll.error).summary?.title ?? 'Could not start'}</Alert>}
          <PasswordInput label="Your password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.currentTarget.value)} required />
          <Button type="submit" loading={enroll.isPending}>Continue</Button>
        </Stack>
      </form>
    );
  }

  const submitCode = (event: FormEvent) => {
    event.preventDefault();
    if (code.trim()) activate.mutate({ code: code.trim() }, { onError: () => setCode('') });
  };
  return (
    <form onSubmit={submitCode}>
      <Stack gap="sm">
        <Text size="sm">Scan this with an authenticator app (Google Authenticator, Microsoft Authenticator, 1Password…), then enter the code it shows.</Text>
        {qr && <Image src={qr} alt="QR code for your authenticator app" w={200} h={200} />}
        <Text size="sm">
          Or type this key: <Code data-testid="totp-secret">{secret.secret}</Code>
        </Text>
        {activate.isError && <Alert color="red" role="alert">That code is not right. Try the current one.</Alert>}
        <TextInput label="Code from the app" inputMode="numeric" autoComplete="one-time-code" value={code} onChange={(e) => setCode(e.currentTarget.value)} required />
        <Button type="submit" loading={activate.isPending}>Turn on</Button>
      </Stack>
    </form>
  );
}
