import { Anchor, Button, Paper, Skeleton, Table, Text } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { CONSENT_KIND_LABELS } from '@web/lib/words/clinicWords';
import { IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { PageHeader } from '@web/components/PageHeader';
import { QueryErrorAlert } from '@web/components/QueryErrorAlert';
import { formatInstant } from '@web/lib/time/formatInstant';
import { useSelectedLocation } from '@web/entities/location';
import { TemplateStatusBadge } from '@web/features/consents/components/TemplateStatusBadge';
import { useConsentAccess } from '@web/features/consents/hooks/useConsentAccess';
import { useConsentTemplates } from '@web/features/consents/hooks/useConsentTemplates';

/** The organization's consent forms, with their current version and review state. */
export function ConsentTemplatesPage() {
  useDocumentTitle('Consent forms · SkinLedger');
  const templates = useConsentTemplates();
  const { canManageTemplates } = useConsentAccess();
  const { timeZone } = useSelectedLocation();
  return (
    <>
      <PageHeader
        title="Consent forms"
        description="Templates patients sign before treatment. Editing publishes a new version; signed consents keep the version they signed."
        actions={
          canManageTemplates && (
            <Button component={Link} to="/consents/templates/new" leftSection={<IconPlus size={16} />}>
              New form
            </Button>
          )
        }
      />
      {templates.isError && <QueryErrorAlert error={templates.error} what="the consent forms" onRetry={() => void templates.refetch()} />}
      <Paper>
        {templates.isPending ? (
          <Skeleton height={240} />
        ) : (
          <Table verticalSpacing="sm" highlightOnHover aria-label="Consent forms">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Form</Table.Th>
                <Table.Th>Kind</Table.Th>
                <Table.Th>Version</Table.Th>
                <Table.Th>Valid for</Table.Th>
                <Table.Th>Review</Table.Th>
                <Table.Th>Last published</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(templates.data ?? []).map((t) => (
                <Table.Tr key={t.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/consents/templates/${t.id}`} fw={500} size="sm">
                      {t.title}
                    </Anchor>
                    {t.isDefault && (
                      <Text size="xs" c="dimmed">
                        SkinLedger default
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{CONSENT_KIND_LABELS[t.kind]}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">v{t.currentVersion}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{t.current.validDays} days</Text>
                  </Table.Td>
                  <Table.Td>
                    <TemplateStatusBadge template={t} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{formatInstant(t.current.publishedAt, timeZone, 'date')}</Text>
                    <Text size="xs" c="dimmed">
                      {t.current.publishedByName ?? 'SkinLedger'}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
    </>
  );
}
