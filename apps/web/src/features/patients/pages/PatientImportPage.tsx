import { Paper, Stepper } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useState } from 'react';
import { FormAlert } from '@web/components/FormAlert';
import { PageHeader } from '@web/components/PageHeader';
import { describeProblem, type ProblemFeedback } from '@web/lib/problems/describeProblem';
import { ImportCheckReport } from '@web/features/patients/components/ImportCheckReport';
import { ImportResult } from '@web/features/patients/components/ImportResult';
import { ImportSourceForm } from '@web/features/patients/components/ImportSourceForm';
import { useImportPatients, type ImportSource } from '@web/features/patients/hooks/useImportPatients';
import type { ImportReport } from '@web/features/patients/patientTypes';

type Stage = { step: 'choose' } | { step: 'checked'; csv: ImportSource; fileName: string; report: ImportReport } | { step: 'imported'; report: ImportReport };

const STEP_INDEX = { choose: 0, checked: 1, imported: 3 } as const;

export function PatientImportPage() {
  useDocumentTitle('Import patients · SkinLedger');
  const importer = useImportPatients();
  const [stage, setStage] = useState<Stage>({ step: 'choose' });
  const [problem, setProblem] = useState<ProblemFeedback['summary']>(null);

  const fail = (error: unknown) => setProblem(describeProblem(error).summary);

  const check = (csv: ImportSource, fileName: string) => {
    setProblem(null);
    importer.mutate({ csv, dryRun: true }, { onSuccess: (report) => setStage({ step: 'checked', csv, fileName, report }), onError: fail });
  };

  const runImport = () => {
    if (stage.step !== 'checked') return;
    setProblem(null);
    importer.mutate({ csv: stage.csv, dryRun: false }, { onSuccess: (report) => setStage({ step: 'imported', report }), onError: fail });
  };

  const startOver = () => {
    setProblem(null);
    setStage({ step: 'choose' });
  };

  return (
    <>
      <PageHeader title="Import patients" description="Bring patients over from a spreadsheet or a previous system. Check the file first; then import the rows that are valid." />
      <Paper p="md">
        <Stepper active={STEP_INDEX[stage.step]} size="sm" mb="lg" allowNextStepsSelect={false}>
          <Stepper.Step label="Choose file" description="CSV file or pasted text" />
          <Stepper.Step label="Check" description="Per-row report; nothing saved" />
          <Stepper.Step label="Import" description="Valid rows become patients" />
        </Stepper>
        {stage.step === 'choose' && <ImportSourceForm checking={importer.isPending} onCheck={check} />}
        {stage.step === 'checked' && (
          <ImportCheckReport report={stage.report} fileName={stage.fileName} importing={importer.isPending} onImport={runImport} onStartOver={startOver} />
        )}
        {stage.step === 'imported' && <ImportResult report={stage.report} onStartOver={startOver} />}
        {problem && (
          <div style={{ marginTop: 16 }}>
            <FormAlert summary={problem} />
          </div>
        )}
      </Paper>
    </>
  );
}
