import { Anchor, Button, Group, Skeleton, Stack, Text } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../../components/PageHeader';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import { formatCalendarDate } from '../../../lib/time/formatCalendarDate';
import { formatInstant } from '../../../lib/time/formatInstant';
import { todayInZone } from '../../../lib/time/zonedTime';
import { usePermission } from '../../auth/hooks/usePermission';
import { useSignedInUser } from '../../auth/hooks/useSignedInUser';
import { useSelectedLocation } from '../../shell/hooks/useSelectedLocation';
import { AddCartridgeModal } from '../components/AddCartridgeModal';
import { AddendaPanel } from '../components/AddendaPanel';
import { AdverseEventsPanel } from '../components/AdverseEventsPanel';
import { EditChartModal } from '../components/EditChartModal';
import { EditZonesModal } from '../components/EditZonesModal';
import { PhotosPanel } from '../components/PhotosPanel';
import { ProcedureKindBadge } from '../components/ProcedureKindBadge';
import { SessionActions } from '../components/SessionActions';
import { SessionRecord } from '../components/SessionRecord';
import { SessionStatusBadge } from '../components/SessionStatusBadge';
import { SignSessionModal } from '../components/SignSessionModal';
import { useTreatmentSession } from '../hooks/useTreatmentSession';

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
  if (session.isPending) return <Skeleton height={420} aria-label="Loading the session" />;

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
        <AdverseEventsPanel sessionId={s.id} patientId={s.patientId} today={todayInZone(timeZone)} canWrite={canRecord} />
        <PhotosPanel sessionId={s.id} patientId={s.patientId} canWrite={canRecord} />
      </Stack>
      {dialog === 'edit' && <EditChartModal session={s} opened onClose={() => setDialog(null)} />}
      {dialog === 'zones' && <EditZonesModal session={s} onClose={() => setDialog(null)} />}
      <SignSessionModal sessionId={s.id} signerName={user.name} opened={dialog === 'sign'} onClose={() => setDialog(null)} />
      <AddCartridgeModal sessionId={s.id} locationId={s.locationId} opened={dialog === 'cartridge'} onClose={() => setDialog(null)} />
    </>
  );
}
