import { LOT_STATUSES, type LotStatus } from '@skinledger/domain';
import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

const isStatus = (value: string | null): value is LotStatus => LOT_STATUSES.some((s) => s === value);

/** The lot list's filters live in the URL (?productId=…&status=…), so links from the overview land filtered. */
export function useLotListParams() {
  const [params, setParams] = useSearchParams();
  const rawStatus = params.get('status');
  const productId = params.get('productId') ?? '';
  const status: LotStatus | '' = isStatus(rawStatus) ? rawStatus : '';

  const set = useCallback(
    (key: 'productId' | 'status', value: string | null) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          if (value) next.set(key, value);
          else next.delete(key);
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  const setProductId = useCallback((value: string | null) => set('productId', value), [set]);
  const setStatus = useCallback((value: string | null) => set('status', value), [set]);
  return { productId, status, setProductId, setStatus };
}
