import { ActionIcon, Button, Group, Menu, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { CONSENT_KIND_LABELS } from '@web/lib/words/clinicWords';
import { IconDeviceTablet, IconDots, IconDownload, IconFileCertificate, IconPlus, IconShieldCheck, IconSignature, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { EmptyState } from '@web/components/EmptyState';
import { QueryErrorAlert } from '@web/components/QueryErrorAlert';
import { describeProblem } from '@web/lib/problems/describeProblem';
import { formatCalendarDate } from '@web/lib/time/formatCalendarDate';
import { formatInstant } from '@web/lib/time/formatInstant';
import type { Consent } from '@web/features/consents/consentTypes';
import { useConsentAccess } from '@web/features/consents/hooks/useConsentAccess';
import { useDownloadConsentPdf, useVerifyConsent } from '@web/features/consents/hooks/useConsentActions';
import { usePatientConsents } from '@web/features/consents/hooks/usePatientConsents';
import { ConsentStatusBadge } from './ConsentStatusBadge';
import { MissingConsentsForNextAppointment } from './MissingConsentsForNextAppointment';
import { RevokeConsentModal } from './RevokeConsentModal';
import { StartConsentModal } from './StartConsentModal';
import { WitnessConsentModal } from './WitnessConsentModal';

interface PatientConsentsPanelProps {
  patientId: string;
  patientMrn: string;
  timeZone: string;
}

/** The patient's consents with their status, and the actions staff take on them. */
export function PatientConsentsPanel({ patientId, patientMrn, timeZone }: PatientConsentsPanelProps) {
  const consents = usePatientConsents(patientId);
  const access = useConsentAccess();
  const navigate = useNavigate();
  const verify = useVerifyConsent();
  const pdf = useDownloadConsentPdf();
  const [starting, setStarting] = useState(false);
  const [revoking, setRevoking] = useState<Consent | null>(null);
  const [witnessing, setWitnessing] = useState<Consent | null>(null);

  const runVerify = (consent: Consent) =>
    verify.mutate(consent.id, {
      onSuccess: (result) =>
        notifications.show(
          result.intact
            ? { color: 'green', title: 'Intact', message: `${consent.title}: the stored record matches its SHA-256 hash.` }
            : { color: 'red', title: 'Integrity check failed', message: `${consent.title} was altered after signing. Report this to your administrator.`, autoClose: false },
        ),
      onError: (error) => notifications.show({ color: 'red', title: 'Could not verify', message: describeProblem(error).summary?.messages.join(' ') }),
    });
  const download = (consent: Consent) =>
    pdf.mutate(
      { id: consent.id, fileName: `consent-${patientMrn}-${consent.kind}.pdf` },
      { onError: (error) => notifications.show({ color: 'red', title: 'Could not download', message: describeProblem(error).summary?.messages.join(' ') }) },
    );

  return (
    <Stack gap="sm">
      <MissingConsentsForNextAppointment patientId={patientId} />
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          A consent counts until its validity ends on the clinic calendar, it is revoked, or its form gets a version that requires re-consent.
        </Text>
        {access.canPrepare && (
          <Button size="sm" leftSection={<IconPlus size={16} />} onClick={() => setStarting(true)}>
            Start consent
          </Button>
        )}
      </Group>
      {consents.isError && <QueryErrorAlert error={consents.error} what="the consents" onRetry={() => void consents.refetch()} />}
      {consents.data && consents.data.length === 0 && (
        <EmptyState icon={<IconFileCertificate size={22} />} title="No consents yet">
          Start a consent and hand the tablet to the patient.
        </EmptyState>
      )}
      {consents.data && consents.data.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="xs" highlightOnHover aria-label="Consents">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Consent</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Signed</Table.Th>
                <Table.Th>Witness</Table.Th>
                <Table.Th>Valid through</Table.Th>
                <Table.Th w={48} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {consents.data.map((c) => (
                <Table.Tr key={c.id} data-consent-id={c.id}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {c.title}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {CONSENT_KIND_LABELS[c.kind]} · version {c.templateVersion}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <ConsentStatusBadge status={c.status} />
                  </Table.Td>
                  <Table.Td>
                    {c.signedAt ? (
                      <>
                        <Text size="sm">{c.signerName}</Text>
                        <Text size="xs" c="dimmed">
                          {formatInstant(c.signedAt, timeZone)}
                        </Text>
                      </>
                    ) : (
                      <Text size="sm" c="dimmed">
                        Prepared {formatInstant(c.createdAt, timeZone, 'date')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c={c.witnessName ? undefined : 'dimmed'}>
                      {c.witnessName ?? (c.signedAt ? 'Not witnessed' : '—')}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{c.validThrough ? formatCalendarDate(c.validThrough) : '—'}</Text>
                    {c.revokedAt && (
                      <Text size="xs" c="red">
                        Revoked: {c.revocationReason}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Menu position="bottom-end" withinPortal>
                      <Menu.Target>
                        <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${c.title}`}>
                          <IconDots size={18} />
                        </ActionIcon>
                      </Menu.Target>
                      <Menu.Dropdown>
                        {c.status === 'pending' && access.canPrepare && (
                          <Menu.Item leftSection={<IconDeviceTablet size={16} />} onClick={() => void navigate(`/kiosk/consents/${c.id}`)}>
                            Open signing kiosk
                          </Menu.Item>
                        )}
                        {c.signedAt && !c.witnessedAt && !c.revokedAt && access.canPrepare && (
                          <Menu.Item leftSection={<IconSignature size={16} />} onClick={() => setWitnessing(c)}>
                            Witness
                          </Menu.Item>
                        )}
                        {c.signedAt && (
                          <>
                            <Menu.Item leftSection={<IconDownload size={16} />} onClick={() => download(c)}>
                              Download PDF
                            </Menu.Item>
                            <Menu.Item leftSection={<IconShieldCheck size={16} />} onClick={() => runVerify(c)}>
                              Verify integrity
                            </Menu.Item>
                          </>
                        )}
                        {!c.revokedAt && access.canRevoke && (
                          <Menu.Item color="red" leftSection={<IconX size={16} />} onClick={() => setRevoking(c)}>
                            {c.signedAt ? 'Record withdrawal' : 'Void'}
                          </Menu.Item>
                        )}
                      </Menu.Dropdown>
                    </Menu>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <StartConsentModal patientId={patientId} opened={starting} onClose={() => setStarting(false)} />
      <RevokeConsentModal consent={revoking} onClose={() => setRevoking(null)} />
      <WitnessConsentModal consent={witnessing} onClose={() => setWitnessing(null)} />
    </Stack>
  );
}
