import { Alert, Button, Divider, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { indicationLabel, sessionWarningLines } from '@skinledger/domain';
import { IconArrowLeft, IconDownload, IconPrinter } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { FormAlert } from '@web/components/FormAlert';
import { QueryErrorAlert } from '@web/components/QueryErrorAlert';
import { describeProblem } from '@web/lib/problems/describeProblem';
import { formatCalendarDate } from '@web/lib/time/formatCalendarDate';
import { formatInstant } from '@web/lib/time/formatInstant';
import { useSignedInUser } from '@web/entities/current-user';
import { useLocations } from '@web/entities/location';
import { usePatient, fullName } from '@web/entities/patient';
import { CartridgesTable } from '@web/features/treatments/components/CartridgesTable';
import { FactList } from '@web/features/treatments/components/FactList';
import { ZonesTable } from '@web/features/treatments/components/ZonesTable';
import { useDownloadSessionPdf } from '@web/features/treatments/hooks/useSessionPdf';
import { useTreatmentSession } from '@web/features/treatments/hooks/useTreatmentSession';
import { sessionPdfFileName } from '@web/features/treatments/sessionPdfFileName';
import classes from './SessionPrintPage.module.css';

function Block({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className={classes.section} aria-label={title}>
      <Title order={2} size="h4" mb={6}>
        {title}
      </Title>
      {children}
    </section>
  );
}

/**
 * The printable session record (issue 13): who, where and when; zones and depths; pen and lots; anaesthetic; the rest
 * of the chart; warnings; the signature with the record hash sealed in the audit chain; addenda. A print stylesheet
 * leaves only the sheet on paper; the PDF (same content, fonts embedded) is one click away.
 */
export function SessionPrintPage() {
  const { id = '' } = useParams();
  const session = useTreatmentSession(id);
  const patient = usePatient(session.data?.patientId ?? '');
  const locations = useLocations();
  const user = useSignedInUser();
  const download = useDownloadSessionPdf();
  useDocumentTitle(session.data ? `Session record · ${session.data.patientName} · SkinLedger` : 'Session record · SkinLedger');

  if (session.isError) return <QueryErrorAlert error={session.error} what="the session" onRetry={() => void session.refetch()} />;
  if (session.isPending || (session.data && patient.isPending)) return <Skeleton height={480} aria-label="Loading the session record" />;
  const s = session.data;
  const location = locations.data?.find((l) => l.id === s.locationId);
  const timeZone = location?.timezone ?? 'UTC';
  const time = (instant: string | null) => (instant ? formatInstant(instant, timeZone, 'time') : null);
  const warnings = sessionWarningLines(s.preflightWarnings, s.acknowledgements);
  const a = s.anesthetic;
  const mrn = patient.data?.mrn ?? '';

  return (
    <Stack gap="md">
      <Group justify="space-between" className={classes.noPrint} wrap="wrap" gap="xs">
        <Button component={Link} to={`/sessions/${id}`} variant="subtle" leftSection={<IconArrowLeft size={16} aria-hidden />}>
          Back to the session
        </Button>
        <Group gap="xs">
          <Button
            variant="default"
            leftSection={<IconDownload size={16} aria-hidden />}
            loading={download.isPending}
            onClick={() => download.mutate({ id, fileName: sessionPdfFileName(mrn, s) })}
          >
            Download PDF
          </Button>
          <Button leftSection={<IconPrinter size={16} aria-hidden />} onClick={() => window.print()}>
            Print
          </Button>
        </Group>
      </Group>
      {download.isError && <FormAlert summary={describeProblem(download.error).summary} />}
      <Paper p="xl" className={classes.sheet} component="article" aria-labelledby="session-record-title">
        <Stack gap="lg">
          <div>
            <Text size="xs" c="slate.7">{`${user.organizationName} · ${location?.name ?? ''} · MRN ${mrn}`}</Text>
            <Title order={1} id="session-record-title">
              Treatment session record
            </Title>
            {s.status !== 'signed' && (
              <Alert color="red" variant="light" mt="xs" title="Not signed">
                The session is in progress: this record may still change.
              </Alert>
            )}
          </div>
          <FactList
            cols={3}
            facts={[
              { label: 'Patient', value: patient.data ? fullName(patient.data) : s.patientName },
              { label: 'Date of birth', value: patient.data ? formatCalendarDate(patient.data.dateOfBirth) : null },
              { label: 'MRN', value: mrn },
              { label: 'Performed on', value: formatCalendarDate(s.performedOn) },
              { label: 'Location', value: location?.name },
              { label: 'Practitioner', value: s.practitionerName },
              { label: 'Procedure', value: `${s.procedureKind === 'medical' ? 'Medical needling' : 'Cosmetic needling'} · deepest ${s.maxDepthMm} mm` },
              { label: 'Indication', value: indicationLabel(s.indication) },
              { label: 'Origin', value: s.appointmentId ? 'Booked appointment' : `Walk-in: ${s.walkInReason ?? '—'}` },
            ]}
          />
          <Block title="Zones">
            <ZonesTable zones={s.zones} />
          </Block>
          <Block title="Pen and cartridges">
            <Text size="sm" mb={4}>{`Pen: ${s.deviceModel} · serial ${s.deviceSerialNumber}`}</Text>
            <CartridgesTable cartridges={s.cartridges} timeZone={timeZone} />
          </Block>
          <Block title="Topical anaesthetic">
            {a ? (
              <FactList
                cols={3}
                facts={[
                  { label: 'Product', value: [a.product, a.strength].filter(Boolean).join(' ') },
                  { label: 'Lot', value: a.lotNumber },
                  { label: 'Area', value: a.area },
                  { label: 'Applied', value: time(a.appliedAt) },
                  { label: 'Removed', value: time(a.removedAt) },
                  { label: 'Minutes on skin', value: a.minutesOnSkin !== null ? `${a.minutesOnSkin} min` : null },
                ]}
              />
            ) : (
              <Text size="sm">None used.</Text>
            )}
          </Block>
          <Block title="Treatment">
            <FactList
              cols={3}
              facts={[
                { label: 'Technique', value: s.technique },
                { label: 'Clinical endpoint', value: s.clinicalEndpoint },
                { label: 'Erythema grade (0–4)', value: s.erythemaGrade },
                { label: 'Topical products', value: s.topicalProducts.map((p) => (p.lotNumber ? `${p.name} (lot ${p.lotNumber})` : p.name)).join(', ') },
                { label: 'After-care given', value: s.postCareInstructions ? 'Yes' : 'No' },
                { label: 'Photos planned', value: s.photosPlanned ? 'Yes' : 'No' },
              ]}
            />
            {s.notes && (
              <Text size="sm" mt="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {s.notes}
              </Text>
            )}
          </Block>
          {warnings.length > 0 && (
            <Block title="Warnings and acknowledgements">
              <Stack gap={4} component="ul" style={{ margin: 0, paddingLeft: 18 }}>
                {warnings.map((line) => (
                  <Text key={line} size="sm" component="li">
                    {line}
                  </Text>
                ))}
              </Stack>
            </Block>
          )}
          <Block title="Signature">
            {s.status === 'signed' && s.signedAt ? (
              <Stack gap={6}>
                <FactList
                  cols={2}
                  facts={[
                    { label: 'Signed by', value: `${s.practitionerName} (treating practitioner, password re-confirmed)` },
                    { label: 'Signed at', value: formatInstant(s.signedAt, timeZone) },
                  ]}
                />
                <div>
                  <Text size="xs" c="slate.7">
                    Record hash (SHA-256), sealed in the audit chain
                  </Text>
                  <Text className={classes.hash} data-testid="record-hash">
                    {s.recordHash ?? 'Not in the audit chain (signed before the chain began)'}
                  </Text>
                </div>
              </Stack>
            ) : (
              <Text size="sm">Not signed yet.</Text>
            )}
          </Block>
          <Block title="Addenda">
            {s.addenda.length === 0 ? (
              <Text size="sm">None.</Text>
            ) : (
              <Stack gap="xs" component="ol" style={{ margin: 0, paddingLeft: 18 }}>
                {s.addenda.map((addendum) => (
                  <li key={addendum.id}>
                    <Text size="xs" c="slate.7">{`${addendum.authorName} · ${formatInstant(addendum.createdAt, timeZone)}`}</Text>
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                      {addendum.text}
                    </Text>
                  </li>
                ))}
              </Stack>
            )}
          </Block>
          <Divider />
          <Text size="xs" c="slate.7">{`Session ${s.id} · printed ${formatInstant(new Date().toISOString(), timeZone)}`}</Text>
        </Stack>
      </Paper>
    </Stack>
  );
}
