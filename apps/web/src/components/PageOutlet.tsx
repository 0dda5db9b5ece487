import { Outlet, useNavigation } from 'react-router';

/**
 * The page area of the app frame. A page's code loads on its first visit; meanwhile the current page stays and, if
 * it takes a moment, a thin bar runs along the top of the window (`sl-route-progress`, global.css).
 */
export function PageOutlet() {
  const loading = useNavigation().state === 'loading';
  return (
    <>
      {loading && <div className="sl-route-progress sl-calm" role="progressbar" aria-label="Opening the page" />}
      <Outlet />
    </>
  );
}
