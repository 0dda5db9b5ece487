import { Paper, Tabs } from '@mantine/core';
import { IconCalendarCheck, IconCalendarEvent, IconChartLine, IconClipboardHeart, IconEye, IconFileCertificate, IconReportMedical, IconTimeline } from '@tabler/icons-react';
import { usePermission } from '@web/entities/current-user';
import { PatientConsentsPanel, useConsentAccess } from '@web/features/consents';
import { PatientAppointmentsPanel } from '@web/features/scheduling';
import { PatientOutcomesPanel, PatientSessionsPanel } from '@web/features/treatments';
import { usePatientAccess } from '@web/features/patients/hooks/usePatientAccess';
import type { ProfileTab } from '@web/features/patients/hooks/useProfileTab';
import { lazyNamed } from '@web/lib/lazy/lazyNamed';
import { MedicalHistoryPanel } from './MedicalHistoryPanel';

// The first tab comes with the page; the others' code loads when they are first opened.
const EligibilityPanel = lazyNamed(() => import('./EligibilityPanel'), 'EligibilityPanel');
const TimelinePanel = lazyNamed(() => import('./TimelinePanel'), 'TimelinePanel');
const AccessLogPanel = lazyNamed(() => import('./AccessLogPanel'), 'AccessLogPanel');

interface PatientClinicalTabsProps {
  patientId: string;
  patientMrn: string;
  tab: ProfileTab;
  onTabChange: (tab: ProfileTab) => void;
  today: string;
  timeZone: string;
  onRecordHistory: () => void;
}

/**
 * Medical history, appointments (every role that reads the book), eligibility, timeline, treatment sessions, outcomes, consents and the access log. Only the open tab loads (each read of the clinical record is
 * audited). Front desk sees the history form and the consents, not the clinical record.
 */
export function PatientClinicalTabs({ patientId, patientMrn, tab, onTabChange, today, timeZone, onRecordHistory }: PatientClinicalTabsProps) {
  const { canReadClinical, canRecordHistory } = usePatientAccess();
  const { canRead: canReadConsents } = useConsentAccess();
  const canReadSchedule = usePermission('schedule.read');
  const active =
    tab === 'consents' ? (canReadConsents ? tab : 'history') : tab === 'appointments' ? (canReadSchedule ? tab : 'history') : canReadClinical ? tab : 'history';
  const record = canRecordHistory ? onRecordHistory : undefined;
  return (
    <Paper style={{ overflow: 'hidden' }}>
      <Tabs value={active} onChange={(value) => value && onTabChange(value as ProfileTab)} keepMounted={false}>
        <Tabs.List px="sm" bg="slate.0">
          <Tabs.Tab value="history" leftSection={<IconClipboardHeart size={16} aria-hidden />}>
            Medical history
          </Tabs.Tab>
          {canReadSchedule && (
            <Tabs.Tab value="appointments" leftSection={<IconCalendarEvent size={16} aria-hidden />}>
              Appointments
            </Tabs.Tab>
          )}
          {canReadClinical && (
            <>
              <Tabs.Tab value="eligibility" leftSection={<IconCalendarCheck size={16} aria-hidden />}>
                Eligibility
              </Tabs.Tab>
              <Tabs.Tab value="timeline" leftSection={<IconTimeline size={16} aria-hidden />}>
                Timeline
              </Tabs.Tab>
              <Tabs.Tab value="sessions" leftSection={<IconReportMedical size={16} aria-hidden />}>
                Sessions
              </Tabs.Tab>
              <Tabs.Tab value="outcomes" leftSection={<IconChartLine size={16} aria-hidden />}>
                Outcomes
              </Tabs.Tab>
            </>
          )}
          {canReadConsents && (
            <Tabs.Tab value="consents" leftSection={<IconFileCertificate size={16} aria-hidden />}>
              Consents
            </Tabs.Tab>
          )}
          {canReadClinical && (
            <Tabs.Tab value="access" leftSection={<IconEye size={16} aria-hidden />}>
              Access log
            </Tabs.Tab>
          )}
        </Tabs.List>
        <Tabs.Panel value="history" p="md">
          <MedicalHistoryPanel patientId={patientId} timeZone={timeZone} onRecord={onRecordHistory} />
        </Tabs.Panel>
        {canReadSchedule && (
          <Tabs.Panel value="appointments" p="md">
            <PatientAppointmentsPanel patientId={patientId} />
          </Tabs.Panel>
        )}
        {canReadClinical && (
          <>
            <Tabs.Panel value="eligibility" p="md">
              <EligibilityPanel patientId={patientId} today={today} onRecordHistory={record} />
            </Tabs.Panel>
            <Tabs.Panel value="timeline" p="md">
              <TimelinePanel patientId={patientId} timeZone={timeZone} />
            </Tabs.Panel>
            <Tabs.Panel value="sessions" p="md">
              <PatientSessionsPanel patientId={patientId} />
            </Tabs.Panel>
            <Tabs.Panel value="outcomes" p="md">
              <PatientOutcomesPanel patientId={patientId} today={today} />
            </Tabs.Panel>
          </>
        )}
        {canReadConsents && (
          <Tabs.Panel value="consents" p="md">
            <PatientConsentsPanel patientId={patientId} patientMrn={patientMrn} timeZone={timeZone} />
          </Tabs.Panel>
        )}
        {canReadClinical && (
          <Tabs.Panel value="access" p="md">
            <AccessLogPanel patientId={patientId} timeZone={timeZone} />
          </Tabs.Panel>
        )}
      </Tabs>
    </Paper>
  );
}
