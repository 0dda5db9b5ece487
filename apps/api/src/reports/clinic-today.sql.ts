/**
 * "Today" in the clinic, as SQL: the calendar date in the location's IANA zone when a location is chosen, else in the
 * zone of the clinic's first active location (by name), so a report's "expired" and "next 60 days" follow the clinic's
 * calendar, not the server's. `$org` and `$location` are the statement's parameter placeholders.
 */
export function clinicTodaySql(org: string, location: string): string {
  return `(now() AT TIME ZONE COALESCE(
            (SELECT timezone FROM location_directory WHERE organization_id = ${org} AND id = ${location}),
            (SELECT timezone FROM location_directory WHERE organization_id = ${org} ORDER BY is_active DESC, name LIMIT 1),
            'UTC'))::date`;
}
