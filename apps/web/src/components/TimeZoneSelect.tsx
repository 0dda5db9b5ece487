import { Select, type ComboboxItem, type ComboboxParsedItem, type OptionsFilter, type SelectProps } from '@mantine/core';
import { useMemo } from 'react';
import { timeZoneGroups } from '@web/lib/time/timeZoneOptions';

const normalize = (text: string) => text.toLowerCase().replaceAll('_', ' ');

function matches(item: ComboboxItem, search: string): boolean {
  const needle = normalize(search.trim());
  return normalize(item.label).includes(needle) || normalize(item.value).includes(needle);
}

/** Finds "New York" whether typed "new york", "New_York" or "america/new". */
const filterZones: OptionsFilter = ({ options, search }) => {
  if (!search.trim()) return options;
  const result: ComboboxParsedItem[] = [];
  for (const option of options) {
    if ('group' in option) {
      const items = option.items.filter((item) => matches(item, search));
      if (items.length > 0) result.push({ ...option, items });
    } else if (matches(option, search)) {
      result.push(option);
    }
  }
  return result;
};

type TimeZoneSelectProps = Omit<SelectProps, 'data' | 'searchable' | 'filter'>;

/** Searchable list of IANA time zones, grouped by region and showing the current UTC offset. */
export function TimeZoneSelect(props: TimeZoneSelectProps) {
  const data = useMemo(() => timeZoneGroups(), []);
  return (
    <Select
      searchable
      allowDeselect={false}
      nothingFoundMessage="No time zone matches"
      maxDropdownHeight={280}
      {...props}
      data={data}
      filter={filterZones}
    />
  );
}
