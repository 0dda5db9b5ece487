import { Button, Paper, Tabs, Text } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useEffect } from 'react';
import { IconPrinter } from '@tabler/icons-react';
import { PageHeader } from '@web/components/PageHeader';
import { useSignedInUser } from '@web/entities/current-user';
import { useLocations, useSelectedLocation } from '@web/entities/location';
import { useStaffList } from '@web/features/staff';
import { AppointmentsPanel } from '@web/features/reports/components/AppointmentsPanel';
import { ConsentCoveragePanel } from '@web/features/reports/components/ConsentCoveragePanel';
import { SafetyPanel } from '@web/features/reports/components/SafetyPanel';
import { CartridgesPanel } from '@web/features/reports/components/CartridgesPanel';
import { OutcomesByDepthPanel } from '@web/features/reports/components/OutcomesByDepthPanel';
import { preloadCharts } from '@web/features/reports/components/lazyCharts';
import { ReportFiltersBar } from '@web/features/reports/components/ReportFiltersBar';
import { useReportFilters } from '@web/features/reports/hooks/useReportFilters';
import { reportTabsFor } from '@web/features/reports/reportTabs';
import { formatCalendarDate } from '@web/lib/time/formatCalendarDate';
import classes from './ReportsPage.module.css';

/**
 * Clinic reports (issue 17): one tab per report, each a chart with the same numbers in a table beneath it and its
 * CSV; the range, location and practitioner apply to every tab. Printing keeps the report shown and its tables.
 */
export function ReportsPage() {
  useDocumentTitle('Reports · SkinLedger');
  useEffect(preloadCharts, []);
  const user = useSignedInUser();
  const { location, timeZone } = useSelectedLocation();
  const { filters, param, setParam } = useReportFilters(timeZone);
  const { tabs, active } = reportTabsFor(user.permissions, param('tab'));
  const { data: locations = [] } = useLocations();
  const { data: staff = [] } = useStaffList(true);
  const locationName = locations.find((l) => l.id === filters.locationId)?.name ?? 'All locations';
  const practitionerName = staff.find((s) => s.id === filters.practitionerId)?.name ?? 'Everyone';
  const scope = `${formatCalendarDate(filters.from)} – ${formatCalendarDate(filters.to)} · ${locationName} · ${practitionerName}`;

  return (
    <>
      <PageHeader
        title="Reports"
        description={`Figures from the clinic’s own records. Dates are days in ${timeZone}${location ? ` (${location.name})` : ''}.`}
        actions={
          <Button variant="default" leftSection={<IconPrinter size={16} aria-hidden />} onClick={() => window.print()} className={classes.noPrint}>
            Print
          </Button>
        }
      />
      <Paper px="md" py="sm" mb="md" className={classes.noPrint}>
        <ReportFiltersBar filters={filters} onChange={setParam} />
      </Paper>
      <Text className={classes.printOnly} size="sm" mb="sm">
        {scope}
      </Text>
      {active && (
        <Tabs value={active} onChange={(value) => setParam('tab', value ?? '')} keepMounted={false}>
          <Tabs.List mb="md">
            {tabs.map((t) => (
              <Tabs.Tab key={t.value} value={t.value}>
                {t.label}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          <Tabs.Panel value="outcomes">
            <Paper p="md" className={classes.panel}>
              <OutcomesByDepthPanel filters={filters} scale={param('scale')} indication={param('indication')} onChange={setParam} />
            </Paper>
          </Tabs.Panel>
          <Tabs.Panel value="cartridges">
            <Paper p="md" className={classes.panel}>
              <CartridgesPanel filters={filters} groupBy={param('cartridgesBy')} timeZone={timeZone} onChange={setParam} />
            </Paper>
          </Tabs.Panel>
          <Tabs.Panel value="appointments">
            <Paper p="md" className={classes.panel}>
              <AppointmentsPanel filters={filters} groupBy={param('appointmentsBy')} onChange={setParam} />
            </Paper>
          </Tabs.Panel>
          <Tabs.Panel value="safety">
            <Paper p="md" className={classes.panel}>
              <SafetyPanel filters={filters} />
            </Paper>
          </Tabs.Panel>
          <Tabs.Panel value="consents">
            <Paper p="md" className={classes.panel}>
              <ConsentCoveragePanel filters={filters} />
            </Paper>
          </Tabs.Panel>
        </Tabs>
      )}
    </>
  );
}
