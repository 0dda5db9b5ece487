import { Skeleton, Stack, Text, ThemeIcon, Timeline } from '@mantine/core';
import { IconTimeline } from '@tabler/icons-react';
import { EmptyState } from '@web/components/EmptyState';
import { QueryErrorAlert } from '@web/components/QueryErrorAlert';
import { formatInstant } from '@web/lib/time/formatInstant';
import { usePatientTimeline } from '@web/features/patients/hooks/usePatientTimeline';
import { timelineKindStyle } from '@web/features/patients/timelineKinds';
import { PanelHeader } from './PanelHeader';

/** Everything recorded about the patient in order: registration, edits, medical histories, and later modules' entries. */
export function TimelinePanel({ patientId, timeZone }: { patientId: string; timeZone: string }) {
  const timeline = usePatientTimeline(patientId);
  const items = timeline.data?.items ?? [];
  return (
    <Stack gap="md">
      <PanelHeader title="Timeline" description={`Oldest first. Times in ${timeZone}.`} />
      {timeline.isPending && <Skeleton height={140} />}
      {timeline.isError && <QueryErrorAlert error={timeline.error} what="the timeline" onRetry={() => void timeline.refetch()} />}
      {timeline.data && items.length === 0 && (
        <EmptyState icon={<IconTimeline size={22} />} title="Nothing recorded yet" headingOrder={3} />
      )}
      {items.length > 0 && (
        <Timeline bulletSize={28} lineWidth={2} active={items.length - 1} color="slate.3">
          {items.map((item) => {
            const kind = timelineKindStyle(item.kind);
            const Icon = kind.icon;
            return (
              <Timeline.Item
                key={`${item.kind}-${item.refId}-${item.at}`}
                bullet={
                  <ThemeIcon size={28} radius="xl" color={kind.color} variant="light" aria-hidden>
                    <Icon size={15} />
                  </ThemeIcon>
                }
                title={
                  <Text size="sm" fw={600}>
                    {item.title}
                  </Text>
                }
              >
                {item.detail && (
                  <Text size="sm" c="slate.8">
                    {item.detail}
                  </Text>
                )}
                <Text size="xs" c="dimmed" className="tabular" mt={2}>
                  <time dateTime={item.at}>{formatInstant(item.at, timeZone)}</time>
                  {` · ${kind.label}`}
                  {item.actorName && ` · ${item.actorName}`}
                </Text>
              </Timeline.Item>
            );
          })}
        </Timeline>
      )}
    </Stack>
  );
}
