import type { Permission } from '@skinledger/domain';

/** The Reports page's tabs, each shown to roles with its permission (libs/domain access/permissions.ts). */
export interface ReportTab {
  value: string;
  label: string;
  permission: Permission;
}

export const REPORT_TABS: readonly ReportTab[] = [
  { value: 'outcomes', label: 'Outcomes by depth', permission: 'reports.clinical' },
  { value: 'cartridges', label: 'Cartridges', permission: 'reports.operations' },
  { value: 'appointments', label: 'Appointments', permission: 'reports.operations' },
  { value: 'safety', label: 'Safety', permission: 'reports.clinical' },
  { value: 'consents', label: 'Consent coverage', permission: 'reports.operations' },
];

/** Either report permission opens the page (and shows it in the navigation). */
export const REPORT_PERMISSIONS: readonly Permission[] = ['reports.clinical', 'reports.operations'];

/** The tabs a role may open, and the one to show: the asked-for tab if it is one of them, else the first. */
export function reportTabsFor(permissions: readonly Permission[], asked: string): { tabs: ReportTab[]; active: string | null } {
  const tabs = REPORT_TABS.filter((t) => permissions.includes(t.permission));
  const active = tabs.find((t) => t.value === asked)?.value ?? tabs[0]?.value ?? null;
  return { tabs, active };
}
