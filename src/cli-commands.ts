// Commands contributed by core areas (users, audit), wired into the `pamong` program.
import type { Command } from 'commander';
import type { OpenedContext } from './cli';

export function registerCliCommands(_program: Command, _open: () => Promise<OpenedContext>): void {}
