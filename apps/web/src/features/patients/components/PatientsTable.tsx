import { Anchor, Badge, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import type { IsoDate } from '@skinledger/domain';
import { Link, useNavigate } from 'react-router';
import { usePhoneFormat } from '@web/entities/location';
import { preferredNameOf } from '@web/entities/patient';
import type { PatientListItem } from '@web/features/patients/patientTypes';
import { AllergyIndicator } from './AllergyIndicator';
import { DateOfBirth } from './DateOfBirth';
import { PatientTags } from './PatientTags';

interface PatientsTableProps {
  patients: PatientListItem[];
  caption: string;
  today: IsoDate;
}

/** One patient per row; the name links to the profile (the whole row is clickable too). */
export function PatientsTable({ patients, caption, today }: PatientsTableProps) {
  const navigate = useNavigate();
  const formatPhone = usePhoneFormat();
  return (
    // Below 992 px (tablets) the MRN moves under the name, so name, allergies, birth date and contact keep their room.
    <Table.ScrollContainer minWidth={600} type="native">
      <Table highlightOnHover stickyHeader>
        <Table.Caption>
          <VisuallyHidden>{caption}</VisuallyHidden>
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th miw={190}>Patient</Table.Th>
            <Table.Th w={150}>Allergies</Table.Th>
            <Table.Th w={110} visibleFrom="md">
              MRN
            </Table.Th>
            <Table.Th w={130}>Date of birth</Table.Th>
            <Table.Th>Contact</Table.Th>
            <Table.Th visibleFrom="lg">Tags</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {patients.map((p) => {
            const preferred = preferredNameOf(p);
            const to = `/patients/${p.id}`;
            return (
              <Table.Tr key={p.id} onClick={() => navigate(to)} style={{ cursor: 'pointer', verticalAlign: 'top' }} c={p.archived ? 'dimmed' : undefined}>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Anchor component={Link} to={to} fw={600} size="sm" c={p.archived ? 'dimmed' : 'slate.9'} onClick={(e) => e.stopPropagation()}>
                      {p.lastName}, {p.firstName}
                    </Anchor>
                    {p.archived && (
                      <Badge size="xs" color="slate" variant="outline" tt="none">
                        Archived
                      </Badge>
                    )}
                  </Group>
                  {preferred && (
                    <Text size="xs" c="dimmed">
                      Goes by {preferred}
                    </Text>
                  )}
                  <Text size="xs" c="dimmed" ff="monospace" hiddenFrom="md">
                    {p.mrn}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <AllergyIndicator allergies={p.allergies} />
                </Table.Td>
                <Table.Td visibleFrom="md">
                  <Text size="sm" ff="monospace" fz="xs" style={{ whiteSpace: 'nowrap' }}>
                    {p.mrn}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <DateOfBirth date={p.dateOfBirth} today={today} />
                </Table.Td>
                <Table.Td maw={280}>
                  <Text size="sm" className="tabular" style={{ whiteSpace: 'nowrap' }}>
                    {p.phone ? formatPhone(p.phone) : '—'}
                  </Text>
                  {p.email && (
                    <Text size="xs" c="dimmed" truncate="end" title={p.email}>
                      {p.email}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td visibleFrom="lg">
                  <PatientTags tags={p.tags} />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
