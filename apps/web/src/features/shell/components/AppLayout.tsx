import { AppShell, ScrollArea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Outlet } from 'react-router';
import { AppHeader } from './AppHeader';
import { MainNav } from './MainNav';
import { SelectedLocationProvider } from '@web/entities/location';
import { SkipLink } from './SkipLink';

/** The signed-in frame: header, module navigation (a burger menu on narrow screens) and the page. */
export function AppLayout() {
  const [navOpened, nav] = useDisclosure(false);
  return (
    <SelectedLocationProvider>
      <SkipLink />
      <AppShell
        header={{ height: 56 }}
        navbar={{ width: 208, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
        padding="lg"
      >
        <AppShell.Header>
          <AppHeader navOpened={navOpened} onToggleNav={nav.toggle} />
        </AppShell.Header>
        <AppShell.Navbar id="main-navigation" aria-label="Main" p="sm">
          <AppShell.Section grow component={ScrollArea} type="scroll">
            <MainNav onNavigate={nav.close} />
          </AppShell.Section>
        </AppShell.Navbar>
        <AppShell.Main id="main-content" tabIndex={-1} bg="slate.0" style={{ outline: 'none' }}>
          <Outlet />
        </AppShell.Main>
      </AppShell>
    </SelectedLocationProvider>
  );
}
