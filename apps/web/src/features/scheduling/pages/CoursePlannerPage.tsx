import { Alert, Button, Group, NumberInput, Paper, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useState } from 'react';
import { PageHeader } from '@web/components/PageHeader';
import { useSelectedLocation } from '@web/entities/location';
import { CoursePlanCard } from '@web/features/scheduling/components/CoursePlanCard';
import { PatientPicker } from '@web/features/scheduling/components/PatientPicker';
import { problemText } from '@web/features/scheduling/components/problemText';
import { useProposeCourse, type CoursePlan } from '@web/features/scheduling/hooks/useCoursePlan';
import { usePractitioners } from '@web/features/scheduling/hooks/usePractitioners';
import { useServices } from '@web/features/scheduling/hooks/useServices';

/**
 * Course planner (domain.md section 3: e.g. 3 medical sessions 4 weeks apart): proposes the nearest free slot to each
 * session's target date, then books the whole course at once — or nothing, naming the session that failed.
 */
export function CoursePlannerPage() {
  useDocumentTitle('Course planner · SkinLedger');
  const { location, timeZone } = useSelectedLocation();
  const services = useServices();
  const practitioners = usePractitioners();
  const [q, setQ] = useState('');
  const [patientId, setPatientId] = useState<string | null>(null);
  const [serviceId, setServiceId] = useState<string | null>(null);
  const [practitionerId, setPractitionerId] = useState<string | null>(null);
  const [sessions, setSessions] = useState(3);
  const [intervalWeeks, setIntervalWeeks] = useState(4);
  const [startOn, setStartOn] = useState('');
  const [plan, setPlan] = useState<CoursePlan | null>(null);
  const propose = useProposeCourse();
  const submit = () =>
    propose.mutate(
      {
        patientId: patientId as string,
        serviceId: serviceId as string,
        locationId: location?.id as string,
        sessions,
        intervalWeeks,
        startOn,
        ...(practitionerId ? { practitionerId } : {}),
      },
      { onSuccess: setPlan },
    );

  return (
    <>
      <PageHeader title="Course planner" description={`Plan a course of sessions at ${location?.name ?? '…'} (${timeZone}).`} />
      <Stack>
        <Paper p="sm">
          <SimpleGrid cols={{ base: 2, md: 4 }}>
            <PatientPicker search={q} onSearchChange={setQ} value={patientId} onChange={setPatientId} />
            <Select label="Service" data={(services.data ?? []).filter((s) => s.isActive).map((s) => ({ value: s.id, label: s.name }))} value={serviceId} onChange={setServiceId} allowDeselect={false} />
            <Select label="Practitioner (optional)" clearable data={(practitioners.data ?? []).map((p) => ({ value: p.id, label: p.name }))} value={practitionerId} onChange={setPractitionerId} />
            <TextInput type="date" label="First session on" value={startOn} onChange={(e) => setStartOn(e.currentTarget.value)} />
            <NumberInput label="Sessions" min={1} max={12} value={sessions} onChange={(v) => setSessions(Number(v))} />
            <NumberInput label="Weeks apart" min={1} max={52} value={intervalWeeks} onChange={(v) => setIntervalWeeks(Number(v))} />
          </SimpleGrid>
          {propose.isError && (
            <Alert color="red" mt="sm">
              {problemText(propose.error).join(' ')}
            </Alert>
          )}
          <Group justify="flex-end" mt="sm">
            <Button onClick={submit} loading={propose.isPending} disabled={!patientId || !serviceId || !startOn || !location}>
              Propose slots
            </Button>
          </Group>
        </Paper>
        {plan && <CoursePlanCard plan={plan} timeZone={timeZone} onBooked={setPlan} />}
      </Stack>
    </>
  );
}
