#!/usr/bin/env node
// The `pamong` command: runs src/cli.ts through tsx (no separate build step for the server).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli.ts');
await main(process.argv);
