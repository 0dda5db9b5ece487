import { Anchor, Button, Group, Skeleton, Stack, Text } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { isoDateInTimeZone } from '@skinledger/domain';
import { PageHeader } from '@web/components/PageHeader';
import { QueryErrorAlert } from '@web/components/QueryErrorAlert';
import { formatCalendarDate } from '@web/lib/time/formatCalendarDate';
import { formatInstant } from '@web/lib/time/formatInstant';
import { usePermission, useSignedInUser } from '@web/entities/current-user';
import { useSelectedLocation } from '@web/entities/location';
import { AddCartridgeModal } from '@web/features/treatments/components/AddCartridgeModal';
import { AddendaPanel } from '@web/features/treatments/components/AddendaPanel';
import { AdverseEventsPanel } from '@web/features/treatments/components/AdverseEventsPanel';
import { EditChartModal } from '@web/features/treatments/components/EditChartModal';
import { EditZonesModal } from '@web/features/treatments/components/EditZonesModal';
import { PhotosPanel } from '@web/features/treatments/components/PhotosPanel';
import { ProcedureKindBadge } from '@web/features/treatments/components/ProcedureKindBadge';
import { SessionActions } from '@web/features/treatments/components/SessionActions';
import { SessionRecord } from '@web/features/treatments/components/SessionRecord';
import { SessionStatusBadge } from '@web/features/treatments/components/SessionStatusBadge';
import { SignSessionModal } from '@web/features/treatments/components/SignSessionModal';
import { useTreatmentSession } from '@web/features/treatments/hooks/useTreatmentSession';

type Dialog = 'edit' | 'zones' | 'sign' | 'cartridge' | null;

/** One treatment session: the record, and while in progress chart/second cartridge/sign; then addenda, events, photos. */
export function SessionPage() {
  const { id = '' } = useParams();
  const session = useTreatmentSession(id);
  const user = useSignedInUser();
  const canRecord = usePermission('treatment.record');
  const { timeZone } = useSelectedLocation();
  const [dialog, setDialog] = useState<Dialog>(null);
  useDocumentTitle(session.data ? `Session · ${session.data.patientName} · SkinLedger` : 'Session · SkinLedger');

  if (session.isError) return <QueryErrorAlert error={session.error} what="the session" onRetry={() => void session.refetch()} />;
  if (session.isPending) return <Skeleton height={420} role="status" aria-label="Loading the session" />;

  const s = session.data;
  const isTreating = canRecord && s.practitionerId === user.id;
  const inProgress = s.status === 'in_progress';
  return (
    <>
      <PageHeader
        title={`Session · ${s.patientName}`}
        description={
          <Group gap="xs" component="span" wrap="wrap">
            <SessionStatusBadge status={s.status} />
            <ProcedureKindBadge kind={s.procedureKind} maxDepthMm={s.maxDepthMm} />
            <span>{`${formatCalendarDate(s.performedOn)} · ${s.practitionerName}`}</span>
            <Anchor component={Link} to={`/patients/${s.patientId}?tab=sessions`} size="sm">
              Patient record
            </Anchor>
          </Group>
        }
        actions={<SessionActions session={s} isTreating={isTreating} onEdit={() => setDialog('edit')} onSign={() => setDialog('sign')} />}
      />
      {s.signedAt && (
        <Text size="sm" c="slate.7" mb="sm">{`Signed by ${s.practitionerName} on ${formatInstant(s.signedAt, timeZone)}. The record is locked; corrections are addenda.`}</Text>
      )}
      <Stack gap="md">
        <SessionRecord
          session={s}
          timeZone={timeZone}
          zoneActions={
            inProgress &&
            isTreating && (
              <Button variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setDialog('zones')}>
                Edit zones
              </Button>
            )
          }
          cartridgeActions={
            inProgress &&
            isTreating && (
              <Button variant="default" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setDialog('cartridge')}>
                Second cartridge
              </Button>
            )
          }
        />
        <AddendaPanel session={s} timeZone={timeZone} canWrite={canRecord} />
        <AdverseEventsPanel sessionId={s.id} patientId={s.patientId} today={isoDateInTimeZone(new Date(), timeZone)} canWrite={canRecord} />
        <PhotosPanel sessionId={s.id} patientId={s.patientId} canWrite={canRecord} />
      </Stack>
      {dialog === 'edit' && <EditChartModal session={s} opened onClose={() => setDialog(null)} />}
      {dialog === 'zones' && <EditZonesModal session={s} onClose={() => setDialog(null)} />}
      <SignSessionModal sessionId={s.id} signerName={user.name} opened={dialog === 'sign'} onClose={() => setDialog(null)} />
      <AddCartridgeModal sessionId={s.id} locationId={s.locationId} opened={dialog === 'cartridge'} onClose={() => setDialog(null)} />
    </>
  );
}
