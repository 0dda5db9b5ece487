import { Anchor, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { formatInstant } from '@web/lib/time/formatInstant';
import { usePhoneFormat } from '@web/entities/location';
import type { Patient } from '@web/features/patients/patientTypes';
import { DetailItem } from './DetailItem';
import { PatientTags } from './PatientTags';

function addressLines(address: Patient['address']): string[] {
  if (!address) return [];
  const cityLine = [address.city, address.region, address.postalCode].filter(Boolean).join(', ');
  return [address.line1, address.line2, cityLine, address.country].filter((line): line is string => Boolean(line));
}

/** Contact details, emergency contact, tags and notes. */
export function ContactDetailsCard({ patient, timeZone }: { patient: Patient; timeZone: string }) {
  const formatPhone = usePhoneFormat();
  const address = addressLines(patient.address);
  const contact = patient.emergencyContact;
  return (
    <Paper p="md" component="section" aria-labelledby="contact-heading">
      <Title order={2} id="contact-heading" fz="md" mb="sm">
        Contact details
      </Title>
      <SimpleGrid cols={{ base: 1, xs: 2, lg: 1 }} spacing="md" verticalSpacing="sm">
        <DetailItem label="Phone">
          {patient.phone && (
            <Anchor href={`tel:${patient.phone}`} size="sm" className="tabular">
              {formatPhone(patient.phone)}
            </Anchor>
          )}
        </DetailItem>
        <DetailItem label="Email">
          {patient.email && (
            <Anchor href={`mailto:${patient.email}`} size="sm">
              {patient.email}
            </Anchor>
          )}
        </DetailItem>
        <DetailItem label="Address">
          {address.length > 0 && (
            <Stack gap={0}>
              {address.map((line) => (
                <span key={line}>{line}</span>
              ))}
            </Stack>
          )}
        </DetailItem>
        <DetailItem label="Emergency contact">
          {contact && (
            <>
              {contact.name}
              {contact.relationship && <Text span size="sm" c="dimmed">{` (${contact.relationship})`}</Text>}
              {contact.phone && (
                <div>
                  <Anchor href={`tel:${contact.phone}`} size="sm" className="tabular">
                    {formatPhone(contact.phone)}
                  </Anchor>
                </div>
              )}
            </>
          )}
        </DetailItem>
        <DetailItem label="Tags">{patient.tags.length > 0 && <PatientTags tags={patient.tags} />}</DetailItem>
        <DetailItem label="Notes">{patient.notes && <span style={{ whiteSpace: 'pre-wrap' }}>{patient.notes}</span>}</DetailItem>
        {patient.externalId && <DetailItem label="Previous system ID">{patient.externalId}</DetailItem>}
        <DetailItem label="Registered">{formatInstant(patient.createdAt, timeZone, 'date')}</DetailItem>
      </SimpleGrid>
    </Paper>
  );
}
