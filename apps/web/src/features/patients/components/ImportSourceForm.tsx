import { Button, FileInput, Group, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { IconDownload, IconFileTypeCsv } from '@tabler/icons-react';
import { useState } from 'react';
import { saveBlob } from '@web/lib/download/saveBlob';
import { csvTemplate, REQUIRED_COLUMNS_TEXT } from '@web/features/patients/csvTemplate';
import type { ImportSource } from '@web/features/patients/hooks/useImportPatients';

type Source = 'file' | 'paste';

interface ImportSourceFormProps {
  checking: boolean;
  onCheck: (csv: ImportSource, name: string) => void;
}

/** Pick a CSV file or paste its text, then ask the API for a dry run. */
export function ImportSourceForm({ checking, onCheck }: ImportSourceFormProps) {
  const [source, setSource] = useState<Source>('file');
  const [file, setFile] = useState<File | null>(null);
  const [pasted, setPasted] = useState('');
  const ready = source === 'file' ? file !== null : pasted.trim().length > 0;

  // The file goes as it is: the API reads its encoding (UTF-8 or Windows-1252) and separator from the bytes.
  const check = () => {
    if (source === 'file' && file) onCheck(file, file.name);
    else if (source === 'paste') onCheck(pasted, 'pasted text');
  };

  return (
    <Stack gap="md">
      <Text size="sm" c="slate.7">
        A CSV file with a header row, at most 5 MB, as Excel or another program saves it: columns separated by commas, semicolons or tabs, in
        UTF-8 or Windows-1252. Required columns: {REQUIRED_COLUMNS_TEXT}. Separate several allergies or tags with
        “;”, and give an allergy&apos;s class after a colon (“Surgical steel: nickel”).{' '}
      </Text>
      <Group gap="sm">
        <SegmentedControl
          value={source}
          onChange={(value) => setSource(value === 'paste' ? 'paste' : 'file')}
          data={[
            { value: 'file', label: 'Choose a file' },
            { value: 'paste', label: 'Paste text' },
          ]}
          aria-label="Where the CSV comes from"
        />
        <Button
          variant="subtle"
          leftSection={<IconDownload size={16} aria-hidden />}
          onClick={() => saveBlob(new Blob([csvTemplate()], { type: 'text/csv;charset=utf-8' }), 'skinledger-patients-template.csv')}
        >
          Download template
        </Button>
      </Group>
      {source === 'file' ? (
        <FileInput
          label="CSV file"
          placeholder="Choose a .csv file"
          accept=".csv,text/csv"
          leftSection={<IconFileTypeCsv size={16} aria-hidden />}
          value={file}
          onChange={setFile}
          clearable
          maw={480}
        />
      ) : (
        <Textarea
          label="CSV text"
          placeholder={'firstName,lastName,dateOfBirth,phone,email\nMargaret,Thompson,1984-03-12,(212) 555-0100,margaret@example.com'}
          autosize
          minRows={6}
          maxRows={16}
          value={pasted}
          onChange={(e) => setPasted(e.currentTarget.value)}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 'var(--mantine-font-size-xs)' } }}
        />
      )}
      <Group>
        <Button onClick={check} disabled={!ready} loading={checking}>
          Check file
        </Button>
        <Text size="xs" c="dimmed">
          Checking changes nothing: you see what an import would do first.
        </Text>
      </Group>
    </Stack>
  );
}
