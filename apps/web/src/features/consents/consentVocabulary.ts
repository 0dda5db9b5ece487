import type { ConsentStatus } from '@skinledger/domain';

export const CONSENT_STATUS_LABELS: Record<ConsentStatus, string> = {
  pending: 'Awaiting signature',
  valid: 'Valid',
  expired: 'Expired',
  revoked: 'Revoked',
  superseded: 'Superseded',
};

export const CONSENT_STATUS_COLORS: Record<ConsentStatus, string> = {
  pending: 'yellow',
  valid: 'green',
  expired: 'gray',
  revoked: 'red',
  superseded: 'orange',
};
