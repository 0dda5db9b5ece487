import { Alert, Button, Group, MultiSelect, NumberInput, Paper, Select, SimpleGrid, TextInput, Title } from '@mantine/core';
import { DEFAULT_MIN_DAYS_BETWEEN_MEDICAL_SESSIONS, defaultOnlineBookingMode, type OnlineBookingMode, type ServiceProcedureKind } from '@skinledger/domain';
import { useState } from 'react';
import { useCreateService, type NewService } from '@web/features/scheduling/hooks/useServices';
import { ONLINE_BOOKING_OPTIONS, SERVICE_CONSENT_OPTIONS, SERVICE_KIND_OPTIONS } from '@web/features/scheduling/schedulingVocabulary';
import { problemText } from './problemText';

const FIRST_SERVICE: NewService = {
  name: '',
  durationMin: 60,
  bufferMin: 15,
  procedureKind: 'medical_needling',
  consentKinds: ['medical_needling'],
  minDaysBetweenMedicalSessions: DEFAULT_MIN_DAYS_BETWEEN_MEDICAL_SESSIONS,
  onlineBooking: defaultOnlineBookingMode('medical_needling'),
};

/** A new service; after adding one the form keeps its settings for the next, with the name cleared. */
export function AddServiceForm() {
  const [draft, setDraft] = useState<NewService>(FIRST_SERVICE);
  const create = useCreateService();
  const add = () => create.mutate(draft, { onSuccess: () => setDraft({ ...draft, name: '' }) });
  return (
    <Paper p="sm">
      <Title order={3} size="h5" mb="xs">
        Add service
      </Title>
      <SimpleGrid cols={{ base: 2, md: 3 }}>
        <TextInput label="Name" value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.currentTarget.value })} />
        <Select
          label="Kind"
          data={SERVICE_KIND_OPTIONS}
          value={draft.procedureKind}
          allowDeselect={false}
          // A new kind brings its default online booking (medical needling: existing patients; the rest: off).
          onChange={(v) => setDraft({ ...draft, procedureKind: v as ServiceProcedureKind, onlineBooking: defaultOnlineBookingMode(v as ServiceProcedureKind) })}
        />
        <MultiSelect label="Consents required" data={SERVICE_CONSENT_OPTIONS} value={draft.consentKinds} onChange={(v) => setDraft({ ...draft, consentKinds: v })} />
        <NumberInput label="Duration (min)" min={5} max={480} value={draft.durationMin} onChange={(v) => setDraft({ ...draft, durationMin: Number(v) })} />
        <NumberInput label="Buffer after (min)" min={0} max={240} value={draft.bufferMin} onChange={(v) => setDraft({ ...draft, bufferMin: Number(v) })} />
        <NumberInput
          label="Days since previous medical session"
          min={0}
          max={365}
          value={draft.minDaysBetweenMedicalSessions}
          onChange={(v) => setDraft({ ...draft, minDaysBetweenMedicalSessions: Number(v) })}
        />
        <Select
          label="Online booking"
          data={ONLINE_BOOKING_OPTIONS}
          value={draft.onlineBooking}
          allowDeselect={false}
          onChange={(v) => setDraft({ ...draft, onlineBooking: v as OnlineBookingMode })}
        />
      </SimpleGrid>
      {create.isError && (
        <Alert color="red" mt="sm">
          {problemText(create.error).join(' ')}
        </Alert>
      )}
      <Group justify="flex-end" mt="sm">
        <Button onClick={add} loading={create.isPending} disabled={!draft.name.trim()}>
          Add service
        </Button>
      </Group>
    </Paper>
  );
}
