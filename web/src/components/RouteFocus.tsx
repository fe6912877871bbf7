// After a client-side navigation, moves focus to the main region so screen readers and keyboards start at
// the new page's content instead of staying on the link that was activated.
import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';

export function useRouteFocus(targetId = 'main'): void {
  const { pathname } = useLocation();
  const first = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on every change of page (pathname)
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    document.getElementById(targetId)?.focus();
  }, [pathname, targetId]);
}
