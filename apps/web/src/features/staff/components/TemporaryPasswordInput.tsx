import { Anchor, PasswordInput, Text, type PasswordInputProps } from '@mantine/core';
import { PASSWORD_MIN_LENGTH } from '@skinledger/domain';
import { useState } from 'react';
import { generateTemporaryPassword } from '@web/features/staff/generatePassword';

interface TemporaryPasswordInputProps extends Omit<PasswordInputProps, 'value' | 'onChange'> {
  value: string;
  onChange: (password: string) => void;
  hint: string;
}

/** A password the person is given by hand, with a generator for a strong one. */
export function TemporaryPasswordInput({ value, onChange, hint, ...props }: TemporaryPasswordInputProps) {
  const [visible, setVisible] = useState(false);
  const generate = () => {
    onChange(generateTemporaryPassword());
    setVisible(true);
  };
  return (
    <PasswordInput
      autoComplete="new-password"
      visible={visible}
      onVisibilityChange={setVisible}
      {...props}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      description={
        <Text component="span" size="xs" c="dimmed">
          {hint} At least {PASSWORD_MIN_LENGTH} characters.{' '}
          <Anchor component="button" type="button" size="xs" onClick={generate}>
            Generate one
          </Anchor>
        </Text>
      }
    />
  );
}
