// The explicit list of enabled feature modules. A module is reached only through its index.ts.
import type { PamongModule } from '../core/module';
import { complaintsModule } from './complaints';
import { servicesModule } from './services';
import { surveysModule } from './surveys';

export const modules: PamongModule[] = [complaintsModule, servicesModule, surveysModule];
