// The agency's unit tree: /api/v1/agencies/:slug/units (list, create) and /api/v1/units/:id (rename).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, seg } from '../../lib/api';
import type { UnitKind } from '../console/labels';

export interface Unit {
  id: string;
  agencyId: string;
  parentId: string | null;
  name: string;
  kind: UnitKind;
  path: string;
  depth: number;
  active: boolean;
  regionCode: string | null;
}

interface UnitTreeAnswer {
  agency: { id: string; slug: string; name: string };
  /** Depth first, siblings by name. */
  units: Unit[];
}

export const unitsKey = (slug: string) => ['units', slug] as const;

export function useUnits(agencySlug: string | undefined) {
  return useQuery({
    queryKey: unitsKey(agencySlug ?? ''),
    queryFn: async () => {
      const r = await api.get<UnitTreeAnswer>(`/agencies/${seg(agencySlug ?? '')}/units?includeInactive=true`);
      return r.units;
    },
    enabled: Boolean(agencySlug),
  });
}

export interface UnitNode extends Unit {
  children: UnitNode[];
}

/** Builds the tree from the flat list (children sorted by name); units whose parent is absent become roots. */
export function toTree(units: Unit[]): UnitNode[] {
  const nodes = new Map<string, UnitNode>(units.map((u) => [u.id, { ...u, children: [] }]));
  const roots: UnitNode[] = [];
  for (const n of nodes.values()) {
    const parent = n.parentId ? nodes.get(n.parentId) : undefined;
    (parent ? parent.children : roots).push(n);
  }
  const sort = (list: UnitNode[]) => {
    list.sort((a, b) => a.name.localeCompare(b.name, 'id'));
    for (const n of list) sort(n.children);
  };
  sort(roots);
  return roots;
}

/** The tree in display order with depth, for <select> options. */
export function flatten(tree: UnitNode[], depth = 0): { unit: UnitNode; depth: number }[] {
  return tree.flatMap((u) => [{ unit: u, depth }, ...flatten(u.children, depth + 1)]);
}

export function useUnitMutations(agencySlug: string) {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: unitsKey(agencySlug) });
  return {
    create: useMutation({
      mutationFn: (body: { parentId: string | null; name: string; kind: UnitKind; regionCode: string | null }) =>
        api.post<Unit>(`/agencies/${seg(agencySlug)}/units`, body),
      onSuccess: refresh,
    }),
    rename: useMutation({
      mutationFn: ({ id, name }: { id: string; name: string }) => api.patch<Unit>(`/units/${seg(id)}`, { name }),
      onSuccess: refresh,
    }),
  };
}
