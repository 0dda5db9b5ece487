import { Alert, Button, Checkbox, Group, NumberInput, Paper, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { TIME_OF_DAY_LABELS, TIMES_OF_DAY, type TimeOfDay } from '@skinledger/domain';
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
 * Course planner (domain.md section 3: e.g. 3 medical sessions 4 weeks apart): proposes for each session the free slot
 * nearest its target date at the patient's preferred time of day and with the preferred practitioner where it can (the
 * table says where it could not), then books the whole course at once — or nothing, naming the session that failed.
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
  const [onlyThisPractitioner, setOnlyThisPractitioner] = useState(false);
  const [timeOfDay, setTimeOfDay] = useState<TimeOfDay | 'any' | 'window'>('any');
  const [windowFrom, setWindowFrom] = useState('');
  const [windowTo, setWindowTo] = useState('');
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
        ...(practitionerId ? (onlyThisPractitioner ? { practitionerId } : { preferredPractitionerId: practitionerId }) : {}),
        ...(timeOfDay === 'window' ? { preferredFrom: windowFrom, preferredTo: windowTo } : timeOfDay === 'any' ? {} : { timeOfDay }),
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
            <Select
              label="Preferred practitioner"
              placeholder="Anyone"
              clearable
              data={(practitioners.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
              value={practitionerId}
              onChange={setPractitionerId}
            />
            <TextInput type="date" label="First session on" value={startOn} onChange={(e) => setStartOn(e.currentTarget.value)} />
            <NumberInput label="Sessions" min={1} max={12} value={sessions} onChange={(v) => setSessions(Number(v))} />
            <NumberInput label="Weeks apart" min={1} max={52} value={intervalWeeks} onChange={(v) => setIntervalWeeks(Number(v))} />
            <Select
              label="Preferred time of day"
              data={[
                { value: 'any', label: 'Any time' },
                ...TIMES_OF_DAY.map((t) => ({ value: t, label: TIME_OF_DAY_LABELS[t] })),
                { value: 'window', label: 'Between two times…' },
              ]}
              value={timeOfDay}
              onChange={(v) => setTimeOfDay((v ?? 'any') as typeof timeOfDay)}
              allowDeselect={false}
            />
            {timeOfDay === 'window' && (
              <Group grow gap="xs" align="flex-start">
                <TextInput type="time" label="Starts from" value={windowFrom} onChange={(e) => setWindowFrom(e.currentTarget.value)} />
                <TextInput type="time" label="Starts before" value={windowTo} onChange={(e) => setWindowTo(e.currentTarget.value)} />
              </Group>
            )}
          </SimpleGrid>
          {practitionerId && (
            <Checkbox
              mt="sm"
              label="Only this practitioner (no session with anyone else)"
              checked={onlyThisPractitioner}
              onChange={(e) => setOnlyThisPractitioner(e.currentTarget.checked)}
            />
          )}
          {propose.isError && (
            <Alert color="red" mt="sm">
              {problemText(propose.error).join(' ')}
            </Alert>
          )}
          <Group justify="flex-end" mt="sm">
            <Button onClick={submit} loading={propose.isPending} disabled={!patientId || !serviceId || !startOn || !location || (timeOfDay === 'window' && (!windowFrom || !windowTo))}>
              Propose slots
            </Button>
          </Group>
        </Paper>
        {plan && <CoursePlanCard plan={plan} timeZone={timeZone} onBooked={setPlan} />}
      </Stack>
    </>
  );
}
