import { Group, List, Progress, Stack, Text, ThemeIcon, VisuallyHidden } from '@mantine/core';
import { PASSWORD_MIN_LENGTH, type PasswordOwner, type PasswordProblemCode } from '@skinledger/domain';
import { IconCheck, IconX } from '@tabler/icons-react';
import { usePasswordStrength } from '@web/lib/password/usePasswordStrength';

const LABELS = ['Very weak', 'Weak', 'Fair', 'Strong', 'Very strong'] as const;
const COLORS = ['red', 'red', 'yellow', 'teal', 'green'] as const;

const RULES: { codes: PasswordProblemCode[]; text: string }[] = [
  { codes: ['password-too-short'], text: `At least ${PASSWORD_MIN_LENGTH} characters` },
  { codes: ['password-breached', 'password-repetitive'], text: 'Not a common password' },
  { codes: ['password-contains-personal-info'], text: 'Not your name or e-mail' },
];

/** A meter and the house rules under a new-password field, updated as the person types. */
export function PasswordStrength({ password, owner }: { password: string; owner: PasswordOwner }) {
  const assessment = usePasswordStrength(password, owner);
  if (!assessment) return null;
  const failed = new Set(assessment.problems.map((p) => p.code));
  // A password the API would refuse never shows as strong, whatever zxcvbn thinks of it.
  const score = failed.size > 0 ? Math.min(assessment.score, 1) : assessment.score;
  return (
    <Stack gap={4} data-testid="password-strength" aria-live="polite">
      <Group gap="xs" wrap="nowrap">
        <Progress value={((score + 1) / 5) * 100} color={COLORS[score]} size="sm" style={{ flex: 1 }} aria-hidden />
        <Text size="xs" fw={600} c={COLORS[score]} miw={72} ta="right" data-testid="password-strength-label">
          {LABELS[score]}
        </Text>
      </Group>
      <List size="xs" spacing={2} center>
        {RULES.map((rule) => {
          const ok = !rule.codes.some((code) => failed.has(code));
          return (
            <List.Item
              key={rule.text}
              icon={
                <ThemeIcon size={14} radius="xl" color={ok ? 'green' : 'red'} variant="light" aria-hidden>
                  {ok ? <IconCheck size={10} /> : <IconX size={10} />}
                </ThemeIcon>
              }
            >
              <Text span size="xs" c={ok ? 'dimmed' : 'red.8'}>
                {rule.text}
                <VisuallyHidden>{ok ? ' (met)' : ' (not met)'}</VisuallyHidden>
              </Text>
            </List.Item>
          );
        })}
      </List>
    </Stack>
  );
}
