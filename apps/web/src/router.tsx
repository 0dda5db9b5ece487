import type { Permission } from '@skinledger/domain';
import type { QueryClient } from '@tanstack/react-query';
import type { ComponentType } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { FullPageLoader } from '@web/components/FullPageLoader';
import { PageOutlet } from '@web/components/PageOutlet';
import { RouteError } from '@web/components/RouteError';
import { currentUserQuery } from '@web/entities/current-user';
import { locationsQuery } from '@web/entities/location';
import { auditPages } from '@web/features/audit/routes';
import { LoginPage, RequirePermission, RequireSession } from '@web/features/auth';
import { consentPages } from '@web/features/consents/routes';
import { exposurePages } from '@web/features/exposure/routes';
import { inventoryPages } from '@web/features/inventory/routes';
import { patientPages } from '@web/features/patients/routes';
import { REPORT_PERMISSIONS } from '@web/features/reports';
import { reportsPages } from '@web/features/reports/routes';
import { schedulingLoaders, schedulingPages } from '@web/features/scheduling/routes';
import { settingsPages } from '@web/features/settings/routes';
import { SetupGate, setupStatusQuery } from '@web/features/setup';
import { setupPages } from '@web/features/setup/routes';
import { shellPages } from '@web/features/shell/routes';
import { staffPages } from '@web/features/staff/routes';
import { treatmentPages } from '@web/features/treatments/routes';

type PageLoader = () => Promise<ComponentType>;

/**
 * Pages load with their route (react-router `lazy`; each feature's routes.ts names its page loaders), each with the
 * libraries only it uses (the calendar, the signature pad ...): a first visit to /login loads the sign-in page and
 * the guards, not the app frame or any other page. Until a page's code has arrived the previous page stays on
 * screen, and the app frame shows a progress bar if that takes a moment.
 */
const page = (load: PageLoader) => async () => {
  const Page = await load();
  return { element: <Page /> };
};

/** A page shown only to roles with the permission; others get the page's title and a plain explanation. */
const guarded = (permission: Permission | readonly Permission[], title: string, load: PageLoader) => async () => {
  const Page = await load();
  return {
    element: (
      <RequirePermission permission={permission} title={title}>
        <Page />
      </RequirePermission>
    ),
  };
};

/** Which patients a lot or a pen handpiece touched: one page, two routes. */
const exposureOf = (kind: 'lot' | 'device'): PageLoader => () =>
  exposurePages.exposure().then((ExposurePage) => function SubjectExposurePage() {
    return <ExposurePage kind={kind} />;
  });

/**
 * The first answers every page waits for, asked for as the app starts, alongside the first page's code: whether the
 * clinic is set up, who is signed in, and (past the sign-in and set-up pages) the locations. The guards and the frame
 * then find them in the cache instead of asking one after the other.
 */
const prefetchFirstAnswers = (client: QueryClient) => ({ request }: { request: Request }) => {
  void client.prefetchQuery(setupStatusQuery);
  void client.prefetchQuery(currentUserQuery);
  const { pathname } = new URL(request.url);
  if (pathname !== '/login' && pathname !== '/setup') void client.prefetchQuery(locationsQuery);
  return null;
};

/**
 * SetupGate (first run?) -> /setup | /login | RequireSession (signed in?) -> the app shell and its pages.
 */
export const createRouter = (client: QueryClient) =>
  createBrowserRouter([
    {
      element: <SetupGate />,
      loader: prefetchFirstAnswers(client),
      // The first page's code is loading: nothing for a moment, then a quiet "Loading SkinLedger".
      hydrateFallbackElement: <FullPageLoader />,
      errorElement: <RouteError />,
      children: [
        { path: '/setup', lazy: page(setupPages.setup) },
        { path: '/login', element: <LoginPage /> },
        {
          element: <RequireSession />,
          children: [
            // The signing kiosk sits outside the app shell: no navigation, only the one document.
            {
              path: 'kiosk/consents/:id',
              lazy: guarded('consents.prepare', 'Consent signing', consentPages.consentKiosk),
            },
            // One signing session for a visit's consents (the check-in drawer's "Prepare and hand over").
            {
              path: 'kiosk/visits/:appointmentId',
              lazy: guarded('consents.prepare', 'Consent signing', consentPages.visitKiosk),
            },
            {
              lazy: page(shellPages.appLayout),
              children: [
                {
                  element: <PageOutlet />,
                  // A page that fails (its code gone after an update, a bug) is explained inside the app frame.
                  errorElement: <RouteError />,
                  children: [
                    { index: true, element: <Navigate to="/schedule" replace /> },
                    {
                      path: 'schedule',
                      loader: schedulingLoaders.schedule(client),
                      lazy: guarded('schedule.read', 'Schedule', schedulingPages.schedule),
                    },
                    {
                      path: 'courses',
                      lazy: guarded('schedule.book', 'Course planner', schedulingPages.coursePlanner),
                    },
                    {
                      path: 'scheduling-setup',
                      lazy: guarded('schedule.manage', 'Schedule set-up', schedulingPages.schedulingSetup),
                    },
                    {
                      path: 'outbox',
                      lazy: guarded('messages.read', 'Outbox', schedulingPages.outbox),
                    },
                    {
                      path: 'patients',
                      lazy: guarded('patients.read', 'Patients', patientPages.patients),
                    },
                    {
                      path: 'patients/import',
                      lazy: guarded('patients.import', 'Import patients', patientPages.patientImport),
                    },
                    {
                      path: 'patients/possible-duplicates',
                      lazy: guarded('patients.write', 'Possible duplicates', patientPages.possibleDuplicates),
                    },
                    {
                      path: 'patients/:id',
                      lazy: guarded('patients.read', 'Patient', patientPages.patientProfile),
                    },
                    {
                      // Walk-in charting.
                      path: 'patients/:patientId/sessions/new',
                      lazy: guarded('treatment.record', 'New session', treatmentPages.charting),
                    },
                    {
                      // Charting a checked-in appointment: patient, location, consents and interval come from it.
                      path: 'patients/:patientId/appointments/:appointmentId/chart',
                      lazy: guarded('treatment.record', 'New session', treatmentPages.appointmentCharting),
                    },
                    {
                      path: 'sessions/:id',
                      lazy: guarded('clinical_record.read', 'Treatment session', treatmentPages.session),
                    },
                    {
                      // The printable session record (a print stylesheet; the PDF is downloaded from it).
                      path: 'sessions/:id/print',
                      lazy: guarded('clinical_record.read', 'Session record', treatmentPages.sessionPrint),
                    },
                    {
                      path: 'sessions/:id/after-care',
                      lazy: guarded('clinical_record.read', 'After-care instructions', treatmentPages.afterCare),
                    },
                    {
                      path: 'consents/templates',
                      lazy: guarded('consents.read', 'Consent forms', consentPages.consentTemplates),
                    },
                    {
                      path: 'consents/templates/new',
                      lazy: guarded('consent_templates.manage', 'New consent form', consentPages.consentTemplate),
                    },
                    {
                      path: 'consents/templates/:id',
                      lazy: guarded('consents.read', 'Consent form', consentPages.consentTemplate),
                    },
                    {
                      path: 'inventory',
                      lazy: guarded('inventory.read', 'Inventory', inventoryPages.inventory),
                    },
                    {
                      path: 'inventory/receive',
                      lazy: guarded('inventory.receive', 'Receive stock', inventoryPages.receiveStock),
                    },
                    {
                      path: 'inventory/lots',
                      lazy: guarded('inventory.read', 'Lots', inventoryPages.lots),
                    },
                    {
                      path: 'inventory/lots/:id',
                      lazy: guarded('inventory.read', 'Lot', inventoryPages.lot),
                    },
                    {
                      path: 'inventory/lots/:id/exposure',
                      lazy: guarded('exposure.read', 'Patient exposure', exposureOf('lot')),
                    },
                    {
                      path: 'inventory/devices/:id/exposure',
                      lazy: guarded('exposure.read', 'Patient exposure', exposureOf('device')),
                    },
                    {
                      path: 'inventory/recalls',
                      lazy: guarded('inventory.read', 'Recalls', inventoryPages.recalls),
                    },
                    {
                      path: 'inventory/devices',
                      lazy: guarded('inventory.read', 'Devices', inventoryPages.devices),
                    },
                    {
                      // Either report permission opens the page; each tab is shown to the roles it is for.
                      path: 'reports',
                      lazy: guarded(REPORT_PERMISSIONS, 'Reports', reportsPages.reports),
                    },
                    {
                      path: 'staff',
                      lazy: guarded('staff.read', 'Staff', staffPages.staff),
                    },
                    {
                      path: 'audit',
                      lazy: guarded('audit.read', 'Audit log', auditPages.auditLog),
                    },
                    { path: 'settings', lazy: page(settingsPages.settings) },
                    { path: '*', lazy: page(shellPages.notFound) },
                  ],
                },
              ],
            },
          ],
        },
      ],
    },
  ]);
