import { IconCalendarEvent, IconChartBar, IconPackage } from '@tabler/icons-react';
import { createBrowserRouter, Navigate } from 'react-router';
import { RequirePermission } from './features/auth/components/RequirePermission';
import { RequireSession } from './features/auth/components/RequireSession';
import { LoginPage } from './features/auth/pages/LoginPage';
import { AuditLogPage } from './features/audit/pages/AuditLogPage';
import { SettingsPage } from './features/settings/pages/SettingsPage';
import { SetupGate } from './features/setup/components/SetupGate';
import { SetupPage } from './features/setup/pages/SetupPage';
import { AppLayout } from './features/shell/components/AppLayout';
import { PatientImportPage } from './features/patients/pages/PatientImportPage';
import { PatientProfilePage } from './features/patients/pages/PatientProfilePage';
import { PatientsPage } from './features/patients/pages/PatientsPage';
import { NotFoundPage } from './features/shell/pages/NotFoundPage';
import { UpcomingModulePage } from './features/shell/pages/UpcomingModulePage';
import { StaffPage } from './features/staff/pages/StaffPage';

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
          {
            element: <AppLayout />,
            children: [
              { index: true, element: <Navigate to="/schedule" replace /> },
              {
                path: 'schedule',
                element: (
                  <UpcomingModulePage
                    title="Schedule"
                    icon={IconCalendarEvent}
                    summary="Booking sessions by practitioner and treatment room, with each patient's screening and consent checked before the appointment, is planned for a later release."
                  />
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
                path: 'inventory',
                element: (
                  <UpcomingModulePage
                    title="Inventory"
                    icon={IconPackage}
                    summary="Tracking sterile needle cartridge lots, with barcode scanning, expiry dates and recalls, is planned for a later release."
                  />
                ),
              },
              {
                path: 'reports',
                element: (
                  <UpcomingModulePage
                    title="Reports"
                    icon={IconChartBar}
                    summary="Reports on sessions, practitioners and cartridge use are planned for a later release."
                  />
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
