// The signed-in staff member, available to every page inside the console layout.
import { createContext, useContext } from 'react';
import type { Me } from '../auth/auth-api';

export const MeContext = createContext<Me | null>(null);

export function useMe(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('useMe outside the console layout');
  return me;
}
