import { createBrowserRouter, Navigate } from 'react-router';
import { RequirePermission, RequireSession, LoginPage } from '@web/features/auth';
import { InventoryPage, ReceiveStockPage, LotsPage, LotPage, RecallsPage, DevicesPage } from '@web/features/inventory';
import { ExposurePage } from '@web/features/exposure';
import { ConsentKioskPage, ConsentTemplatePage, ConsentTemplatesPage, VisitKioskPage } from '@web/features/consents';
import { AuditLogPage } from '@web/features/audit';
import { SettingsPage } from '@web/features/settings';
import { SetupGate, SetupPage } from '@web/features/setup';
import { AppLayout, NotFoundPage } from '@web/features/shell';
import { PatientImportPage, PatientProfilePage, PatientsPage } from '@web/features/patients';
import { StaffPage } from '@web/features/staff';
import { CoursePlannerPage, OutboxPage, SchedulePage, SchedulingSetupPage } from '@web/features/scheduling';
import { AfterCarePage, AppointmentChartingPage, ChartingPage, SessionPage, SessionPrintPage } from '@web/features/treatments';

/**
 * SetupGate (first run?) -> /setup | /login | RequireSession (signed in?) -> the app shell and its pages.
 */
export const router = createBrowserRouter([
  {
    element: <SetupGate />,
    children: [
      { path: '/setup', element: <SetupPage /> },
      { path: '/login', element: <LoginPage /> },
      {
        element: <RequireSession />,
        children: [
          // The signing kiosk sits outside the app shell: no navigation, only the one document.
          {
            path: 'kiosk/consents/:id',
            element: (
              <RequirePermission permission="consents.prepare" title="Consent signing">
                <ConsentKioskPage />
              </RequirePermission>
            ),
          },
          // One signing session for a visit's consents (the check-in drawer's "Prepare and hand over").
          {
            path: 'kiosk/visits/:appointmentId',
            element: (
              <RequirePermission permission="consents.prepare" title="Consent signing">
                <VisitKioskPage />
              </RequirePermission>
            ),
          },
          {
            element: <AppLayout />,
            children: [
              { index: true, element: <Navigate to="/schedule" replace /> },
              {
                path: 'schedule',
                element: (
                  <RequirePermission permission="schedule.read" title="Schedule">
                    <SchedulePage />
                  </RequirePermission>
                ),
              },
              {
                path: 'courses',
                element: (
                  <RequirePermission permission="schedule.book" title="Course planner">
                    <CoursePlannerPage />
                  </RequirePermission>
                ),
              },
              {
                path: 'scheduling-setup',
                element: (
                  <RequirePermission permission="schedule.manage" title="Schedule set-up">
                    <SchedulingSetupPage />
                  </RequirePermission>
                ),
              },
              {
                path: 'outbox',
                element: (
                  <RequirePermission permission="messages.read" title="Outbox">
                    <OutboxPage />
                  </RequirePermission>
                ),
              },
              {
                path: 'patients',
                element: (
                  <RequirePermission permission="patients.read" title="Patients">
                    <PatientsPage />
                  </RequirePermission>
                ),
              },
              {
                path: 'patients/import',
                element: (
                  <RequirePermission permission="patients.import" title="Import patients">
                    <PatientImportPage />
                  </RequirePermission>
                ),
              },
              {
                path: 'patients/:id',
                element: (
                  <RequirePermission permission="patients.read" title="Patient">
                    <PatientProfilePage />
                  </RequirePermission>
                ),
              },
              {
                // Walk-in charting.
                path: 'patients/:patientId/sessions/new',
                element: (
                  <RequirePermission permission="treatment.record" title="New session">
                    <ChartingPage />
                  </RequirePermission>
                ),
              },
              {
                // Charting a checked-in appointment: patient, location, consents and interval come from it.
                path: 'patients/:patientId/appointments/:appointmentId/chart',
                element: (
                  <RequirePermission permission="treatment.record" title="New session">
                    <AppointmentChartingPage />
                  </RequirePermission>
                ),
              },
              {
                path: 'sessions/:id',
                element: (
                  <RequirePermission permission="clinical_record.read" title="Treatment session">
                    <SessionPage />
                  </RequirePermission>
                ),
              },
              {
                // The printable session record (a print stylesheet; the PDF is downloaded from it).
                path: 'sessions/:id/print',
                element: (
                  <RequirePermission permission="clinical_record.read" title="Session record">
                    <SessionPrintPage />
                  </RequirePermission>
                ),
              },
              {
                path: 'sessions/:id/after-care',
                element: (
                  <RequirePermission permission="clinical_record.read" title="After-care instructions">
                    <AfterCarePage />
                  </RequirePermission>
                ),
              },
              {
                path: 'consents/templates',
                element: (
                  <RequirePermission permission="consents.read" title="Consent forms">
                    <ConsentTemplatesPage />
                  </RequirePermission>
                ),
              },
              {
                path: 'consents/templates/new',
                element: (
                  <RequirePermission permission="consent_templates.manage" title="New consent form">
                    <ConsentTemplatePage />
                  </RequirePermission>
                ),
              },
              {
                path: 'consents/templates/:id',
                element: (
                  <RequirePermission permission="consents.read" title="Consent form">
                    <ConsentTemplatePage />
                  </RequirePermission>
                ),
              },
              {
                path: 'inventory',
                element: (
                  <RequirePermission permission="inventory.read" title="Inventory">
                    <InventoryPage />
                  </RequirePermission>
                ),
              },
              {
                path: 'inventory/receive',
                element: (
                  <RequirePermission permission="inventory.receive" title="Receive stock">
                    <ReceiveStockPage />
                  </RequirePermission>
                ),
              },
              {
                path: 'inventory/lots',
                element: (
                  <RequirePermission permission="inventory.read" title="Lots">
                    <LotsPage />
                  </RequirePermission>
                ),
              },
              {
                path: 'inventory/lots/:id',
                element: (
                  <RequirePermission permission="inventory.read" title="Lot">
                    <LotPage />
                  </RequirePermission>
                ),
              },
              {
                path: 'inventory/lots/:id/exposure',
                element: (
                  <RequirePermission permission="exposure.read" title="Patient exposure">
                    <ExposurePage kind="lot" />
                  </RequirePermission>
                ),
              },
              {
                path: 'inventory/devices/:id/exposure',
                element: (
                  <RequirePermission permission="exposure.read" title="Patient exposure">
                    <ExposurePage kind="device" />
                  </RequirePermission>
                ),
              },
              {
                path: 'inventory/recalls',
                element: (
                  <RequirePermission permission="inventory.read" title="Recalls">
                    <RecallsPage />
                  </RequirePermission>
                ),
              },
              {
                path: 'inventory/devices',
                element: (
                  <RequirePermission permission="inventory.read" title="Devices">
                    <DevicesPage />
                  </RequirePermission>
                ),
              },
              {
                path: 'staff',
                element: (
                  <RequirePermission permission="staff.read" title="Staff">
                    <StaffPage />
                  </RequirePermission>
                ),
              },
              {
                path: 'audit',
                element: (
                  <RequirePermission permission="audit.read" title="Audit log">
                    <AuditLogPage />
                  </RequirePermission>
                ),
              },
              { path: 'settings', element: <SettingsPage /> },
              { path: '*', element: <NotFoundPage /> },
            ],
          },
        ],
      },
    ],
  },
]);
