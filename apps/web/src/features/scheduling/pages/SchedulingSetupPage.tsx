import { Tabs } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { PageHeader } from '@web/components/PageHeader';
import { CancellationPolicyPanel } from '@web/features/scheduling/components/CancellationPolicyPanel';
import { RoomsPanel } from '@web/features/scheduling/components/RoomsPanel';
import { ServicesPanel } from '@web/features/scheduling/components/ServicesPanel';
import { WorkingHoursPanel } from '@web/features/scheduling/components/WorkingHoursPanel';

/** Owner/admin set-up of the book: services, rooms at the selected location, practitioners' weekly hours and time off, the late-cancellation window. */
export function SchedulingSetupPage() {
  useDocumentTitle('Schedule set-up · SkinLedger');
  return (
    <>
      <PageHeader title="Schedule set-up" description="Services, rooms, practitioners' working hours and the late-cancellation window." />
      <Tabs defaultValue="services" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="services">Services</Tabs.Tab>
          <Tabs.Tab value="rooms">Rooms</Tabs.Tab>
          <Tabs.Tab value="hours">Working hours</Tabs.Tab>
          <Tabs.Tab value="cancellations">Cancellations</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="services">
          <ServicesPanel />
        </Tabs.Panel>
        <Tabs.Panel value="rooms">
          <RoomsPanel />
        </Tabs.Panel>
        <Tabs.Panel value="hours">
          <WorkingHoursPanel />
        </Tabs.Panel>
        <Tabs.Panel value="cancellations">
          <CancellationPolicyPanel />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
