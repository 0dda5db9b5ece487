import { AppShell, ScrollArea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Outlet } from 'react-router';
import { SelectedLocationProvider } from '@web/entities/location';
import { NAV_FULL_FROM, NAV_FULL_WIDTH, NAV_RAIL_WIDTH, useNavMode } from '@web/features/shell/navMode';
import { AppHeader } from './AppHeader';
import { MainNav } from './MainNav';
import { SkipLink } from './SkipLink';

/**
 * The signed-in frame: header, module navigation and the page. The navigation is a labelled column from 1100 px,
 * an icon rail on tablets (768–1099 px) and a burger menu below (see navMode.ts).
 */
export function AppLayout() {
  const [navOpened, nav] = useDisclosure(false);
  const mode = useNavMode();
  const rail = mode === 'rail';
  return (
    <SelectedLocationProvider>
      <SkipLink />
      <AppShell
        header={{ height: 56 }}
        navbar={{
          width: { base: NAV_FULL_WIDTH, sm: NAV_RAIL_WIDTH, [NAV_FULL_FROM]: NAV_FULL_WIDTH },
          breakpoint: 'sm',
          collapsed: { mobile: !navOpened },
        }}
        padding={{ base: 'md', [NAV_FULL_FROM]: 'lg' }}
      >
        <AppShell.Header>
          <AppHeader navOpened={navOpened} onToggleNav={nav.toggle} />
        </AppShell.Header>
        <AppShell.Navbar id="main-navigation" aria-label="Main" p={rail ? 10 : 'sm'} data-nav-mode={mode}>
          <AppShell.Section grow component={ScrollArea} type="scroll">
            <MainNav onNavigate={nav.close} compact={rail} />
          </AppShell.Section>
        </AppShell.Navbar>
        <AppShell.Main id="main-content" tabIndex={-1} bg="slate.0" style={{ outline: 'none' }}>
          <Outlet />
        </AppShell.Main>
      </AppShell>
    </SelectedLocationProvider>
  );
}
