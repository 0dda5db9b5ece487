import { Select } from '@mantine/core';
import { RECALL_CLASSES, type RecallClass } from '@skinledger/domain';
import { RECALL_CLASS_MEANINGS } from '@web/features/inventory/inventoryVocabulary';

const OPTIONS = RECALL_CLASSES.map((c) => ({ value: c, label: `Class ${c}: ${RECALL_CLASS_MEANINGS[c]}` }));
const isClass = (value: string | null): value is RecallClass => RECALL_CLASSES.some((c) => c === value);

interface RecallClassSelectProps {
  value: RecallClass | null;
  onChange: (value: RecallClass) => void;
  error?: string | undefined;
}

/** FDA recall class with its meaning (domain.md section 10). */
export function RecallClassSelect({ value, onChange, error }: RecallClassSelectProps) {
  return (
    <Select
      label="Recall class"
      required
      allowDeselect={false}
      description="As stated on the manufacturer's or FDA notice"
      data={OPTIONS}
      value={value}
      onChange={(v) => isClass(v) && onChange(v)}
      error={error}
    />
  );
}
