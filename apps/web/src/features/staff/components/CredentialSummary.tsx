import { Badge, Group, Stack, Text } from '@mantine/core';
import type { Schemas } from '@skinledger/api-client';
import { daysBetween, type IsoDate } from '@skinledger/domain';
import { LICENCE_TYPE_LABELS } from '@web/lib/words/clinicWords';
import { formatCalendarDate } from '@web/lib/time/formatCalendarDate';

type Credential = Schemas['PractitionerCredentialDto'];

/** Credentials within this many days of expiry are flagged so renewals are not missed. */
const EXPIRY_WARNING_DAYS = 60;

interface CredentialSummaryProps {
  credentials: Credential[];
  today: IsoDate;
}

function ExpiryBadge({ credential, today }: { credential: Credential; today: IsoDate }) {
  if (!credential.current) {
    return (
      <Badge color="red" variant="light" tt="none" fw={600}>
        Expired
      </Badge>
    );
  }
  const daysLeft = daysBetween(today, credential.expiresOn);
  if (daysLeft > EXPIRY_WARNING_DAYS) return null;
  return (
    <Badge color="yellow" variant="light" tt="none" fw={600}>
      {daysLeft <= 0 ? 'Expires today' : `Expires in ${daysLeft} day${daysLeft === 1 ? '' : 's'}`}
    </Badge>
  );
}

/** Each licence on its own line: type, number, jurisdiction, expiry, and a badge when (nearly) expired. */
export function CredentialSummary({ credentials, today }: CredentialSummaryProps) {
  if (credentials.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        None
      </Text>
    );
  }
  return (
    <Stack gap={6}>
      {credentials.map((c) => (
        <Stack key={c.id} gap={0}>
          <Group gap={6} wrap="wrap">
            <Text size="sm" fw={500}>
              {LICENCE_TYPE_LABELS[c.licenceType]}
            </Text>
            <ExpiryBadge credential={c} today={today} />
          </Group>
          <Text size="xs" c="dimmed" className="tabular">
            {c.licenceNumber} · {c.jurisdiction} · {c.current ? 'expires' : 'expired'} {formatCalendarDate(c.expiresOn)}
          </Text>
        </Stack>
      ))}
    </Stack>
  );
}
