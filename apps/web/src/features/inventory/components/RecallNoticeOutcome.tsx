import { Alert, Anchor, List, Text } from '@mantine/core';
import { IconAlertOctagon } from '@tabler/icons-react';
import { Link } from 'react-router';
import { usePermission } from '@web/entities/current-user';
import type { RecallNoticeResult } from '@web/features/inventory/inventoryTypes';

/** Which named lots the clinic has (now recalled) and which it has no record of. */
export function RecallNoticeOutcome({ result }: { result: RecallNoticeResult }) {
  const canSeeExposure = usePermission('exposure.read');
  return (
    <Alert color="red" variant="light" icon={<IconAlertOctagon size={18} aria-hidden />} title={`Class ${result.recall.recallClass} notice recorded`} role="status">
      {result.found.length > 0 ? (
        <>
          <Text size="sm" fw={600}>
            Found and recalled:
          </Text>
          <List size="sm" spacing={2} mb="xs">
            {result.found.map((lot) => (
              <List.Item key={lot.lotId}>
                <Anchor component={Link} to={`/inventory/lots/${lot.lotId}`} size="sm" fw={600}>
                  Lot {lot.lotNumber}
                </Anchor>
                {`: ${lot.onHand} on hand${lot.onHand > 0 ? ', take them off the shelf' : ''}${lot.newlyRecalled ? '' : ' (already recalled)'}`}
                {canSeeExposure && (
                  <>
                    {' · '}
                    <Anchor component={Link} to={`/inventory/lots/${lot.lotId}/exposure`} size="sm" c="red">
                      patients treated with it
                    </Anchor>
                  </>
                )}
              </List.Item>
            ))}
          </List>
        </>
      ) : (
        <Text size="sm">None of the named lots is on record at this clinic.</Text>
      )}
      {result.notFound.length > 0 && (
        <Text size="sm">Not found (never received here): {result.notFound.join(', ')}</Text>
      )}
    </Alert>
  );
}
