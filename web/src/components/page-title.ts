// Sets the document title of the current page ("<page> · Pamong").
import { useEffect } from 'react';

export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · Pamong` : 'Pamong';
  }, [title]);
}
