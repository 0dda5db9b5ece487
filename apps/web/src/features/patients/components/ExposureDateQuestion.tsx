import { Box, CloseButton, TextInput } from '@mantine/core';
import { formatWindowLength, isIsoDate, windowEligibleFrom, type WindowLength } from '@skinledger/domain';
import { formatCalendarDate } from '@web/lib/time/formatCalendarDate';

interface ExposureDateQuestionProps {
  label: string;
  help?: string;
  /** The waiting period after this exposure, when it is a screening window. */
  window?: WindowLength;
  value: string;
  error?: string;
  today: string;
  onChange: (value: string) => void;
}

function waitingText(window: WindowLength | undefined, value: string): string | null {
  if (!window) return null;
  if (!isIsoDate(value)) return `Usual waiting period: ${formatWindowLength(window)}.`;
  return `Waiting period of ${formatWindowLength(window)} ends: needling possible from ${formatCalendarDate(windowEligibleFrom(value, window))}.`;
}

/** "Date of the last exposure" for a time window: empty means never. Shows when the waiting period ends. */
export function ExposureDateQuestion({ label, help, window, value, error, today, onChange }: ExposureDateQuestionProps) {
  const waiting = waitingText(window, value);
  const description = [help, waiting].filter(Boolean).join(' ');
  const stillWaiting = window !== undefined && isIsoDate(value) && today < windowEligibleFrom(value, window);
  return (
    <Box px="md" py={10} bg={stillWaiting ? 'red.0' : undefined}>
      <TextInput
        type="date"
        size="md"
        label={label}
        description={description || undefined}
        value={value}
        max={today}
        min="1900-01-01"
        error={error}
        onChange={(e) => onChange(e.currentTarget.value)}
        rightSection={value ? <CloseButton aria-label={`Clear: ${label}`} onClick={() => onChange('')} /> : undefined}
        rightSectionPointerEvents="all"
        inputWrapperOrder={['label', 'description', 'input', 'error']}
        styles={{
          root: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) 220px', columnGap: 16, alignItems: 'center' },
          label: { gridColumn: 1, fontSize: 'var(--mantine-font-size-md)', fontWeight: 400, color: 'var(--mantine-color-slate-9)' },
          description: { gridColumn: 1 },
          wrapper: { gridColumn: 2, gridRow: '1 / span 2' },
          error: { gridColumn: '1 / -1' },
        }}
      />
    </Box>
  );
}
