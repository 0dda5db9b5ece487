import { Alert, Button, Checkbox, Group, Paper, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useSelectedLocation } from '@web/entities/location';
import { useCreateRoom, useRooms, useSetRoomInUse } from '@web/features/scheduling/hooks/useRooms';
import { problemText } from './problemText';

/** The rooms at the selected location: in use or not, and a new one. */
export function RoomsPanel() {
  const { location } = useSelectedLocation();
  const rooms = useRooms(location?.id);
  const create = useCreateRoom();
  const setInUse = useSetRoomInUse();
  const [name, setName] = useState('');
  const add = () => location && create.mutate({ locationId: location.id, name }, { onSuccess: () => setName('') });
  return (
    <Paper p="sm">
      <Text size="sm" c="dimmed" mb="xs">
        Rooms at {location?.name}
      </Text>
      <Table aria-label="Rooms">
        <Table.Tbody>
          {(rooms.data ?? []).map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>{r.name}</Table.Td>
              <Table.Td>
                <Checkbox label="In use" checked={r.isActive} onChange={() => setInUse.mutate({ id: r.id, isActive: !r.isActive })} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group mt="sm" align="flex-end">
        <TextInput label="New room" value={name} onChange={(e) => setName(e.currentTarget.value)} />
        <Button onClick={add} disabled={!name.trim() || !location} loading={create.isPending}>
          Add room
        </Button>
      </Group>
      {create.isError && (
        <Alert color="red" mt="sm">
          {problemText(create.error).join(' ')}
        </Alert>
      )}
    </Paper>
  );
}
