import { Group, Select, TextInput } from '@mantine/core';
import type { ProcedureKind } from '@skinledger/domain';
import { PROCEDURE_DEPTHS, PROCEDURE_LABELS } from '@web/features/patients/patientVocabulary';

const PROCEDURES: ProcedureKind[] = ['cosmetic', 'medical'];
const OPTIONS = PROCEDURES.map((p) => ({ value: p, label: PROCEDURE_LABELS[p] }));
const isProcedure = (value: string | null): value is ProcedureKind => PROCEDURES.some((p) => p === value);

interface EligibilityControlsProps {
  procedure: ProcedureKind;
  on: string;
  onProcedureChange: (procedure: ProcedureKind) => void;
  onDateChange: (on: string) => void;
}

/** Which procedure kind, on which treatment date. */
export function EligibilityControls({ procedure, on, onProcedureChange, onDateChange }: EligibilityControlsProps) {
  return (
    <Group gap="md" align="flex-start" wrap="wrap">
      <Select
        label="Procedure"
        description={PROCEDURE_DEPTHS[procedure]}
        inputWrapperOrder={['label', 'input', 'description']}
        data={OPTIONS}
        value={procedure}
        onChange={(value) => isProcedure(value) && onProcedureChange(value)}
        allowDeselect={false}
        w={230}
      />
      <TextInput label="Treatment date" type="date" value={on} onChange={(e) => onDateChange(e.currentTarget.value)} w={180} />
    </Group>
  );
}
