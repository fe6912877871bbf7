// The explicit list of enabled feature modules. A module is reached only through its index.ts.
import type { PamongModule } from '../core/module';

export const modules: PamongModule[] = [];
