import { Button, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { addDays, isoDateInTimeZone } from '@skinledger/domain';
import { useEffect, useState } from 'react';
import { usePractitioners } from '@web/features/scheduling/hooks/usePractitioners';
import { useServices } from '@web/features/scheduling/hooks/useServices';
import { type WaitlistEntry, useWaitlistMutations } from '@web/features/scheduling/hooks/useWaitlist';
import { PatientPicker } from './PatientPicker';
import { RefusalAlert } from './RefusalAlert';

interface AddToWaitlistDialogProps {
  opened: boolean;
  onClose: () => void;
  onAdded?: (entry: WaitlistEntry) => void;
  locationId: string;
  timeZone: string;
  /** From the patient's page: the patient is given. */
  patient?: { id: string; name: string };
}

/** Put a patient on the waitlist for a service at this location, optionally one practitioner, from one day to another. */
export function AddToWaitlistDialog({ opened, onClose, onAdded, locationId, timeZone, patient }: AddToWaitlistDialogProps) {
  const services = useServices();
  const practitioners = usePractitioners();
  const { add } = useWaitlistMutations();
  const today = isoDateInTimeZone(new Date(), timeZone);
  const [q, setQ] = useState('');
  const [patientId, setPatientId] = useState<string | null>(patient?.id ?? null);
  const [serviceId, setServiceId] = useState<string | null>(null);
  const [practitionerId, setPractitionerId] = useState<string | null>(null);
  const [earliestOn, setEarliestOn] = useState(today);
  const [latestOn, setLatestOn] = useState(addDays(today, 14));
  const [notes, setNotes] = useState('');
  useEffect(() => {
    if (!opened) return;
    setQ('');
    setPatientId(patient?.id ?? null);
    setServiceId(null);
    setPractitionerId(null);
    setEarliestOn(today);
    setLatestOn(addDays(today, 14));
    setNotes('');
    add.reset();
  }, [opened]);

  const backwards = Boolean(earliestOn && latestOn && latestOn < earliestOn);
  const submit = () => {
    if (!patientId || !serviceId || !earliestOn || !latestOn || backwards) return;
    add.mutate(
      { patientId, serviceId, locationId, practitionerId: practitionerId ?? undefined, earliestOn, latestOn, notes: notes.trim() || undefined },
      { onSuccess: (entry) => (onAdded?.(entry), onClose()) },
    );
  };

  return (
    <Modal opened={opened} onClose={onClose} title="Add to waitlist" size="md">
      <Stack gap="sm">
        {patient ? (
          <Text>
            <Text span c="dimmed">
              Patient:{' '}
            </Text>
            <strong>{patient.name}</strong>
          </Text>
        ) : (
          <PatientPicker search={q} onSearchChange={setQ} value={patientId} onChange={setPatientId} placeholder="Type a name or MRN" />
        )}
        <Select
          label="Service"
          required
          data={(services.data ?? []).filter((s) => s.isActive).map((s) => ({ value: s.id, label: `${s.name} · ${s.durationMin} min` }))}
          value={serviceId}
          onChange={setServiceId}
          allowDeselect={false}
        />
        <Select
          label="Practitioner"
          placeholder="Anyone who may perform it"
          clearable
          data={(practitioners.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
          value={practitionerId}
          onChange={setPractitionerId}
        />
        <SimpleGrid cols={2} spacing="sm">
          <TextInput type="date" label="From" required min={today} value={earliestOn} onChange={(e) => setEarliestOn(e.currentTarget.value)} />
          <TextInput
            type="date"
            label="Until (included)"
            required
            min={earliestOn || today}
            value={latestOn}
            onChange={(e) => setLatestOn(e.currentTarget.value)}
            error={backwards ? 'Must be on or after the first day' : undefined}
          />
        </SimpleGrid>
        <Text size="xs" c="dimmed">
          Days at this location ({timeZone}); the entry expires after the last day.
        </Text>
        <Textarea label="Notes" placeholder="e.g. mornings only, can come at short notice" autosize minRows={1} maxLength={1000} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} />
        {add.isError && <RefusalAlert title="Not added to the waitlist" error={add.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={submit} loading={add.isPending} disabled={!patientId || !serviceId || backwards}>
            Add to waitlist
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
