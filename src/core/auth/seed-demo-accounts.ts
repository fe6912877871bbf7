// One demo account per role (filled in by the auth work).
import type { AppContext } from '../context';
import type { DemoOrg } from '../org/seed-demo-org';

export async function seedDemoAccounts(_ctx: AppContext, _org: DemoOrg): Promise<void> {}
