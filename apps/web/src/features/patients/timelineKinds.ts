import {
  IconCalendarEvent,
  IconChartLine,
  IconCircleDot,
  IconClipboardHeart,
  IconNeedle,
  IconSignature,
  IconUser,
  type Icon,
} from '@tabler/icons-react';

interface TimelineKindStyle {
  label: string;
  icon: Icon;
  color: string;
}

const KINDS: Record<string, TimelineKindStyle> = {
  patient: { label: 'Record', icon: IconUser, color: 'slate' },
  medical_history: { label: 'Medical history', icon: IconClipboardHeart, color: 'clinic' },
  appointment: { label: 'Appointment', icon: IconCalendarEvent, color: 'blue' },
  consent: { label: 'Consent', icon: IconSignature, color: 'indigo' },
  session: { label: 'Treatment session', icon: IconNeedle, color: 'grape' },
  assessment: { label: 'Assessment', icon: IconChartLine, color: 'cyan' },
};

/** The icon and colour of a timeline entry; kinds added later by other modules get a generic dot. */
export function timelineKindStyle(kind: string): TimelineKindStyle {
  return KINDS[kind] ?? { label: kind.replaceAll('_', ' '), icon: IconCircleDot, color: 'slate' };
}
