// The frame every /konsol page shares: the skip link and focus moving to the content after navigation.
import { Outlet } from 'react-router';
import { useRouteFocus } from '../../components/RouteFocus';
import { SkipLink } from '../../components/SkipLink';

export function ConsoleRoot() {
  useRouteFocus();
  return (
    <>
      <SkipLink />
      <Outlet />
    </>
  );
}
