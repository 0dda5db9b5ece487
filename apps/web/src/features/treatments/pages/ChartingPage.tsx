import { Button, Group, Skeleton, Stack, Text } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconPlayerPlay } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useNavigate, useParams } from 'react-router';
import { FormAlert } from '@web/components/FormAlert';
import { PageHeader } from '@web/components/PageHeader';
import { QueryErrorAlert } from '@web/components/QueryErrorAlert';
import { usePatient, fullName } from '@web/entities/patient';
import { useSelectedLocation } from '@web/entities/location';
import type { SessionOrigin } from '@web/features/treatments/chartDraft';
import { AnestheticSection } from '@web/features/treatments/components/AnestheticSection';
import { ChartStartBar } from '@web/features/treatments/components/ChartStartBar';
import { ChartingLayout } from '@web/features/treatments/components/ChartingLayout';
import { PenAndCartridgeSection } from '@web/features/treatments/components/PenAndCartridgeSection';
import { PreflightChecklist } from '@web/features/treatments/components/PreflightChecklist';
import { SessionDetailsSection } from '@web/features/treatments/components/SessionDetailsSection';
import { ZonesSection } from '@web/features/treatments/components/ZonesSection';
import { useChartingAppointment } from '@web/features/treatments/hooks/useChartingAppointment';
import { useChartingSession } from '@web/features/treatments/hooks/useChartingSession';
import { useRepeatSession } from '@web/features/treatments/hooks/useRepeatSession';
import { useTreatmentTemplates } from '@web/features/treatments/hooks/useTreatmentTemplates';
import { chartingSubtitle, plannedProcedure } from '@web/features/treatments/chartingHeader';
import { useTreatmentSettings } from '@web/features/treatments/hooks/useTreatmentSettings';
import type { ZoneLimits } from '@web/features/treatments/zoneStatus';

interface ChartingPageProps {
  /**
   * A checked-in appointment to chart against (the API then takes patient, location, the service's consents and
   * interval from it). Without it this is a walk-in for the patient in the URL, at the selected location.
   */
  appointmentId?: string;
}

/** The charting screen for the appointment in the URL. */
export function AppointmentChartingPage() {
  const { appointmentId = '' } = useParams();
  return <ChartingPage appointmentId={appointmentId} />;
}

/** The charting screen at the chair: zones on a face map, pen and lot, anaesthetic, and the live safety checklist. */
export function ChartingPage({ appointmentId }: ChartingPageProps) {
  const { patientId = '' } = useParams();
  const navigate = useNavigate();
  const patient = usePatient(patientId);
  const { location, timeZone } = useSelectedLocation();
  const settings = useTreatmentSettings();
  const appointment = useChartingAppointment(appointmentId);
  const templates = useTreatmentTemplates();
  const repeatSession = useRepeatSession(patientId, location?.id);
  const origin = useMemo<SessionOrigin>(
    () => (appointmentId ? { kind: 'appointment', appointmentId } : { kind: 'walk-in', patientId, locationId: location?.id ?? '' }),
    [appointmentId, patientId, location?.id],
  );
  const chart = useChartingSession(origin, (session) => navigate(`/sessions/${session.id}`));
  const limits = useMemo<ZoneLimits>(
    () => ({
      zoneMaxMm: Object.fromEntries((settings.data?.zones ?? []).map((z) => [z.zone, z.maxMm])),
      practitionerMaxDepthMm: chart.preflight.data?.practitionerMaxDepthMm,
    }),
    [settings.data, chart.preflight.data?.practitionerMaxDepthMm],
  );
  const name = patient.data ? fullName(patient.data) : 'Patient';
  useDocumentTitle(`New session · ${name} · SkinLedger`);

  if (patient.isError) return <QueryErrorAlert error={patient.error} what="the patient" onRetry={() => void patient.refetch()} />;
  if (appointment.isError) return <QueryErrorAlert error={appointment.error} what="the appointment" onRetry={() => void appointment.refetch()} />;
  // Badge and subtitle come from the appointment: nothing is painted before it is known.
  if (patient.isPending || settings.isPending || !location || (appointmentId && appointment.isPending)) {
    return (
      <Stack gap="md" role="status" aria-busy="true" aria-label="Loading the chart">
        <Skeleton height={40} width="40%" />
        <Skeleton height={420} />
      </Stack>
    );
  }

  const startBar = (
    <Stack gap="xs">
      <FormAlert summary={chart.problem} />
      <Button size="md" fullWidth leftSection={<IconPlayerPlay size={18} aria-hidden />} onClick={chart.submit} disabled={!chart.canStart} loading={chart.starting}>
        Start session
      </Button>
      <Text size="xs" c="dimmed">
        Starting takes one cartridge of the lot off the shelf.
      </Text>
    </Stack>
  );
  return (
    <>
      <PageHeader
        title={`New session · ${name}`}
        description={
          <Group gap={6} component="span">
            <span>{chartingSubtitle(patient.data.mrn, location.name, appointment.data, timeZone)}</span>
          </Group>
        }
      />
      <ChartStartBar
        indication={chart.draft.indication}
        templates={templates.data}
        templatesLoading={templates.isPending}
        onChange={chart.patch}
        onRepeat={(indication) => repeatSession.mutateAsync(indication)}
        repeating={repeatSession.isPending}
      />
      <ChartingLayout
        zones={
          <ZonesSection
            zones={chart.draft.zones}
            limits={limits}
            planned={plannedProcedure(appointment.data)}
            onChange={(zones) => chart.patch({ zones })}
          />
        }
        checklist={
          <PreflightChecklist
            preflight={chart.preflight.data}
            checking={chart.preflight.isFetching}
            todos={chart.todos}
            acknowledgements={chart.draft.acknowledgements}
            onAcknowledge={chart.acknowledge}
            refusal={chart.refusal}
            footer={startBar}
          />
        }
        details={
          <Stack gap="md">
            <PenAndCartridgeSection draft={chart.draft} locationId={location.id} onChange={chart.patch} />
            <AnestheticSection value={chart.draft.anesthetic} timeZone={timeZone} onChange={(anesthetic) => chart.patch({ anesthetic })} />
            <SessionDetailsSection draft={chart.draft} walkIn={!appointmentId} onChange={chart.patch} />
          </Stack>
        }
      />
    </>
  );
}
