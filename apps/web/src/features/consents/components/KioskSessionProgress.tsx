import { Group, List, Paper, Progress, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCheck, IconPencil } from '@tabler/icons-react';
import type { ConsentDetail } from '@web/features/consents/consentTypes';

interface KioskSessionProgressProps {
  consents: readonly ConsentDetail[];
  /** The form on screen now; null once every form is signed. */
  current: string | null;
}

/** Where the patient is in a kiosk session of several forms: "Form 2 of 3", and each form signed, now or next. */
export function KioskSessionProgress({ consents, current }: KioskSessionProgressProps) {
  if (consents.length < 2) return null;
  const signed = consents.filter((c) => c.signedAt).length;
  const index = current ? consents.findIndex((c) => c.id === current) : -1;
  return (
    <Paper p="lg" radius="md" component="section" aria-labelledby="kiosk-progress-title">
      <Group justify="space-between" align="baseline">
        <Title order={1} fz={24} id="kiosk-progress-title">
          {index >= 0 ? `Form ${index + 1} of ${consents.length}` : `All ${consents.length} forms signed`}
        </Title>
        <Text size="lg" c="dimmed">
          {signed} of {consents.length} signed
        </Text>
      </Group>
      <Progress value={(signed / consents.length) * 100} size="md" mt="sm" mb="md" color="teal" aria-label={`${signed} of ${consents.length} forms signed`} />
      <List spacing="xs" size="lg" center type="ordered" listStyleType="none" aria-label="Forms to sign">
        {consents.map((c) => {
          const done = c.signedAt !== null;
          const now = c.id === current;
          return (
            <List.Item
              key={c.id}
              aria-current={now ? 'step' : undefined}
              icon={
                <ThemeIcon size={28} radius="xl" color={done ? 'teal' : now ? 'blue' : 'gray'} variant={done || now ? 'filled' : 'light'} aria-hidden>
                  {done ? <IconCheck size={18} /> : now ? <IconPencil size={16} /> : <Text size="sm">{consents.indexOf(c) + 1}</Text>}
                </ThemeIcon>
              }
            >
              <Text size="lg" fw={now ? 600 : 400}>
                {c.title}
                <Text span size="md" c="dimmed">
                  {' '}
                  · {done ? 'signed' : now ? 'to sign now' : 'next'}
                </Text>
              </Text>
            </List.Item>
          );
        })}
      </List>
    </Paper>
  );
}
