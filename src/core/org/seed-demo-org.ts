// Demo agencies and units (filled in by the org work).
import type { AppContext } from '../context';

export interface DemoOrg {
  /** agency slug -> id */
  agencies: Map<string, string>;
  /** `${agencySlug}/${unitName}` -> id */
  units: Map<string, string>;
}

export async function seedDemoOrg(_ctx: AppContext): Promise<DemoOrg> {
  return { agencies: new Map(), units: new Map() };
}
