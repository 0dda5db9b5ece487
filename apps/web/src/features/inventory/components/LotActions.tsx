import { Alert, Group, Paper, Stack, Text } from '@mantine/core';
import { isoDateInTimeZone, lotUseBlockers, type LotUseBlocker, type LotUseCode, type ManualMovementType } from '@skinledger/domain';
import { IconLock } from '@tabler/icons-react';
import { useState } from 'react';
import { formatCalendarDate } from '@web/lib/time/formatCalendarDate';
import { usePermission } from '@web/entities/current-user';
import { useSelectedLocation } from '@web/entities/location';
import type { LotDetail } from '@web/features/inventory/inventoryTypes';
import { ActionButton } from './ActionButton';
import { HoldModal, type HoldKind } from './HoldModal';
import { MovementModal } from './MovementModal';
import { RecallLotModal } from './RecallLotModal';

/** One reason in words; exhaustive, so a new lot-use code does not compile until it has its words. */
function blockerWords(lot: LotDetail, code: LotUseCode): string {
  switch (code) {
    case 'lot-recalled':
      return 'is recalled';
    case 'lot-quarantined':
      return 'is quarantined';
    case 'lot-expired':
      return `expired on ${formatCalendarDate(lot.expiresOn)}`;
  }
}

/** Why the lot may not be used, with the expiry written for reading. */
function blockerText(lot: LotDetail, blockers: LotUseBlocker[]): string {
  return `Lot ${lot.lotNumber} ${blockers.map((b) => blockerWords(lot, b.code)).join(' and ')}`;
}

/**
 * What the role may do with the lot. Held or expired lots may only be wasted or returned (domain.md section 9), so
 * adjust and transfer are disabled with the reason; the API refuses them anyway.
 */
export function LotActions({ lot }: { lot: LotDetail }) {
  const canWrite = usePermission('inventory.write');
  const canRecall = usePermission('inventory.recall');
  const { timeZone } = useSelectedLocation();
  const [movement, setMovement] = useState<ManualMovementType | null>(null);
  const [hold, setHold] = useState<HoldKind | null>(null);
  const [recalling, setRecalling] = useState(false);
  if (!canWrite && !canRecall) return null;

  const blockers = lotUseBlockers(lot, isoDateInTimeZone(new Date(), timeZone));
  const blocked = blockers.length > 0 ? `${blockerText(lot, blockers)}: it can only be wasted or returned.` : null;
  const empty = lot.onHand <= 0 ? 'No units on hand' : null;
  const recalled = lot.holdStatus === 'recalled';

  return (
    <Paper p="md">
      <Stack gap="sm">
        {blocked && (
          <Alert color={recalled ? 'red' : 'orange'} variant="light" icon={<IconLock size={18} aria-hidden />} p="xs">
            <Text size="sm">{blocked}</Text>
          </Alert>
        )}
        <Group gap="xs">
          {canWrite && (
            <>
              <ActionButton blockedBecause={empty} onClick={() => setMovement('wasted')}>
                Waste
              </ActionButton>
              <ActionButton blockedBecause={blocked} onClick={() => setMovement('adjusted')}>
                Adjust
              </ActionButton>
              <ActionButton blockedBecause={blocked ?? empty} onClick={() => setMovement('transferred')}>
                Transfer
              </ActionButton>
              <ActionButton blockedBecause={empty} onClick={() => setMovement('returned')}>
                Return
              </ActionButton>
              {lot.holdStatus === 'quarantined' ? (
                <ActionButton blockedBecause={null} onClick={() => setHold('release')}>
                  Release
                </ActionButton>
              ) : (
                <ActionButton blockedBecause={recalled ? 'A recalled lot stays recalled' : null} onClick={() => setHold('quarantine')} color="orange">
                  Quarantine
                </ActionButton>
              )}
            </>
          )}
          {canRecall && (
            <ActionButton blockedBecause={recalled ? 'This lot is already recalled' : null} onClick={() => setRecalling(true)} color="red" variant="light" ml="auto">
              Recall lot
            </ActionButton>
          )}
        </Group>
      </Stack>
      <MovementModal lot={lot} type={movement} onClose={() => setMovement(null)} />
      <HoldModal lot={lot} kind={hold} onClose={() => setHold(null)} />
      <RecallLotModal lot={lot} opened={recalling} onClose={() => setRecalling(false)} />
    </Paper>
  );
}
