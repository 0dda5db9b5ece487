import { Badge, Button, Table, Text, VisuallyHidden } from '@mantine/core';
import type { Location } from '@web/entities/location';
import { formatPhone } from '@web/lib/phone/phoneNumbers';

interface LocationsTableProps {
  locations: Location[];
  canManage: boolean;
  onEdit: (location: Location) => void;
}

export function LocationsTable({ locations, canManage, onEdit }: LocationsTableProps) {
  return (
    <Table.ScrollContainer minWidth={640} type="native">
      <Table highlightOnHover>
        <Table.Caption>
          <VisuallyHidden>Locations of the organization</VisuallyHidden>
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Time zone</Table.Th>
            <Table.Th>Address</Table.Th>
            <Table.Th>Phone</Table.Th>
            <Table.Th>Status</Table.Th>
            {canManage && (
              <Table.Th>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {locations.map((location) => (
            <Table.Tr key={location.id} style={{ verticalAlign: 'top' }}>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {location.name}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{location.timezone.replaceAll('_', ' ')}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c={location.address ? undefined : 'dimmed'} style={{ whiteSpace: 'pre-line' }}>
                  {location.address || 'Not set'}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c={location.phone ? undefined : 'dimmed'} className="tabular">
                  {location.phone ? formatPhone(location.phone, location.countryCode) : 'Not set'}
                </Text>
              </Table.Td>
              <Table.Td>
                {location.isActive ? (
                  <Badge color="green" variant="dot" tt="none" fw={500}>
                    Active
                  </Badge>
                ) : (
                  <Badge color="slate" tt="none">
                    Inactive
                  </Badge>
                )}
              </Table.Td>
              {canManage && (
                <Table.Td ta="right">
                  <Button variant="subtle" size="compact-sm" onClick={() => onEdit(location)} aria-label={`Edit ${location.name}`}>
                    Edit
                  </Button>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
