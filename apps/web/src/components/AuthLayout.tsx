import { Box, Center, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { BrandMark } from './BrandMark';

interface AuthLayoutProps {
  title: string;
  description?: ReactNode;
  width?: number;
  children: ReactNode;
}

/** The centred card used before anyone is signed in (setup, sign-in). */
export function AuthLayout({ title, description, width = 420, children }: AuthLayoutProps) {
  return (
    <Box component="main" mih="100vh" px="md" py={40}>
      <Center>
        <Stack gap="lg" w="100%" maw={width}>
          <Center>
            <BrandMark />
          </Center>
          <Paper p="xl" shadow="xs">
            <Stack gap={4} mb="lg">
              <Title order={1}>{title}</Title>
              {description && (
                <Text size="sm" c="dimmed">
                  {description}
                </Text>
              )}
            </Stack>
            {children}
          </Paper>
        </Stack>
      </Center>
    </Box>
  );
}
