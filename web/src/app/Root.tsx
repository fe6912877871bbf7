// The frame of every page: the skip link, and focus moved to the new page's content after navigation.
import { Outlet } from 'react-router';
import { useRouteFocus } from '../components/RouteFocus';
import { SkipLink } from '../components/SkipLink';

export function Root() {
  useRouteFocus();
  return (
    <>
      <SkipLink />
      <Outlet />
    </>
  );
}
