import { Text } from '@mantine/core';
import type { IsoDate } from '@skinledger/domain';
import { ageOn } from '@web/lib/time/ageOn';
import { formatCalendarDate } from '@web/lib/time/formatCalendarDate';

/** "Mar 12, 1984" with the age under it, for table cells. */
export function DateOfBirth({ date, today }: { date: IsoDate; today: IsoDate }) {
  return (
    <>
      <Text size="sm" className="tabular" style={{ whiteSpace: 'nowrap' }}>
        {formatCalendarDate(date)}
      </Text>
      <Text size="xs" c="dimmed" className="tabular">
        {ageOn(date, today)} years
      </Text>
    </>
  );
}
