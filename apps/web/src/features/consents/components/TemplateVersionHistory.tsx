import { Badge, Button, Group, Modal, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { formatInstant } from '@web/lib/time/formatInstant';
import type { ConsentTemplateVersion } from '@web/features/consents/consentTypes';
import { TemplatePreview } from './TemplatePreview';

/** Every published version, newest first; each can be read as it was. */
export function TemplateVersionHistory({ versions, approvedVersion, timeZone }: { versions: ConsentTemplateVersion[]; approvedVersion: number | null; timeZone: string }) {
  const [open, setOpen] = useState<ConsentTemplateVersion | null>(null);
  return (
    <>
      <Table verticalSpacing="xs" aria-label="Version history">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Version</Table.Th>
            <Table.Th>Published</Table.Th>
            <Table.Th>Note</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {versions.map((v) => (
            <Table.Tr key={v.id}>
              <Table.Td>
                <Group gap={6}>
                  <Text size="sm" fw={500}>
                    v{v.version}
                  </Text>
                  {v.requiresReconsent && (
                    <Badge size="xs" color="orange" variant="light">
                      Re-consent
                    </Badge>
                  )}
                  {approvedVersion === v.version && (
                    <Badge size="xs" color="green" variant="light">
                      Approved
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{formatInstant(v.publishedAt, timeZone, 'date')}</Text>
                <Text size="xs" c="dimmed">
                  {v.publishedByName ?? 'SkinLedger'}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="xs">{v.changeNote ?? ''}</Text>
              </Table.Td>
              <Table.Td>
                <Button size="compact-xs" variant="subtle" onClick={() => setOpen(v)}>
                  Read
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Modal opened={open !== null} onClose={() => setOpen(null)} title={open ? `${open.title}, version ${open.version}` : ''} size="xl">
        {open && <TemplatePreview draft={open} />}
      </Modal>
    </>
  );
}
