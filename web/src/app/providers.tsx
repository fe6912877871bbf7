// App-wide providers: language, then server state (TanStack Query).
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { ME_KEY } from '../features/auth/auth-api';
import { ApiError } from '../lib/api';
import { LanguageProvider } from '../lib/i18n/i18n';

function makeQueryClient(): QueryClient {
  // A 401 from any other request means the session ended (expired, signed out elsewhere): re-check it, so
  // the console sends the person to sign in instead of showing an error on every page.
  const onError = (err: unknown, key?: readonly unknown[]) => {
    if (err instanceof ApiError && err.status === 401 && key?.[0] !== ME_KEY[0]) {
      void client.invalidateQueries({ queryKey: ME_KEY });
    }
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (err, query) => onError(err, query.queryKey) }),
    mutationCache: new MutationCache({
      onError: (err, _vars, _ctx, mutation) => onError(err, mutation.options.mutationKey ?? ['mutation']),
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // A 4xx will not change on retry; network trouble might.
        retry: (count, err) => !(err instanceof ApiError && err.status >= 400 && err.status < 500) && count < 2,
      },
      mutations: { retry: false },
    },
  });
  return client;
}

export function Providers({ children }: { children: ReactNode }) {
  const [client] = useState(makeQueryClient);
  return (
    <LanguageProvider>
      <QueryClientProvider client={client}>{children}</QueryClientProvider>
    </LanguageProvider>
  );
}
