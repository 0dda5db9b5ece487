import { Badge } from '@mantine/core';
import type { ProcedureKind } from '@skinledger/domain';

/** Medical (>= 0.5 mm) or cosmetic needling, domain.md section 1. */
export function ProcedureKindBadge({ kind, maxDepthMm }: { kind: ProcedureKind; maxDepthMm?: number }) {
  const depth = maxDepthMm !== undefined ? ` · max ${maxDepthMm} mm` : '';
  return (
    <Badge color={kind === 'medical' ? 'indigo' : 'clinic'} variant="light" tt="none" size="md">
      {kind === 'medical' ? 'Medical needling' : 'Cosmetic needling'}
      {depth}
    </Badge>
  );
}
