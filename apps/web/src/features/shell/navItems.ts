import type { Permission } from '@skinledger/domain';
import { REPORT_PERMISSIONS } from '@web/features/reports';
import {
  IconCalendarEvent,
  IconFileCertificate,
  IconClockCog,
  IconMail,
  IconTimeline,
  IconHistory,
  IconId,
  IconPackage,
  IconReportAnalytics,
  IconSettings,
  IconUsers,
  type Icon,
} from '@tabler/icons-react';

export interface NavItem {
  label: string;
  to: string;
  icon: Icon;
  /** Shown only to roles with this permission (or any one of these). */
  permission?: Permission | readonly Permission[];
}

export interface NavSection {
  label: string;
  items: NavItem[];
}

export const navSections: NavSection[] = [
  {
    label: 'Clinic',
    items: [
      { label: 'Schedule', to: '/schedule', icon: IconCalendarEvent, permission: 'schedule.read' },
      { label: 'Course planner', to: '/courses', icon: IconTimeline, permission: 'schedule.book' },
      { label: 'Patients', to: '/patients', icon: IconUsers },
      { label: 'Consent forms', to: '/consents/templates', icon: IconFileCertificate, permission: 'consents.read' },
      { label: 'Inventory', to: '/inventory', icon: IconPackage },
      { label: 'Reports', to: '/reports', icon: IconReportAnalytics, permission: REPORT_PERMISSIONS },
    ],
  },
  {
    label: 'Administration',
    items: [
      { label: 'Staff', to: '/staff', icon: IconId, permission: 'staff.read' },
      { label: 'Schedule set-up', to: '/scheduling-setup', icon: IconClockCog, permission: 'schedule.manage' },
      { label: 'Outbox', to: '/outbox', icon: IconMail, permission: 'messages.read' },
      { label: 'Audit log', to: '/audit', icon: IconHistory, permission: 'audit.read' },
      { label: 'Settings', to: '/settings', icon: IconSettings },
    ],
  },
];
