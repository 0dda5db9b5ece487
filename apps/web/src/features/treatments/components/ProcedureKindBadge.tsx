import { Badge } from '@mantine/core';
import type { ProcedureKind } from '@skinledger/domain';

/** Medical (>= 0.5 mm) or cosmetic needling, domain.md section 1: with the deepest depth, or a note (e.g. "as booked"). */
export function ProcedureKindBadge({ kind, maxDepthMm, note }: { kind: ProcedureKind; maxDepthMm?: number; note?: string }) {
  const detail = note ? ` · ${note}` : maxDepthMm !== undefined ? ` · max ${maxDepthMm} mm` : '';
  return (
    <Badge color={kind === 'medical' ? 'indigo' : 'clinic'} variant="light" tt="none" size="md">
      {kind === 'medical' ? 'Medical needling' : 'Cosmetic needling'}
      {detail}
    </Badge>
  );
}
