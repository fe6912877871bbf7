// Commands contributed by core areas and modules, wired into the `pamong` program.
import type { Command } from 'commander';
import type { OpenedContext } from './cli';
import { registerAuditCommands } from './core/audit/cli';
import { registerUserCommands } from './core/auth/cli';
import { registerCalendarCommands } from './core/calendar/cli';
import { registerComplaintCommands } from './modules/complaints';
import { registerSurveyCommands } from './modules/surveys/cli';

export function registerCliCommands(program: Command, open: () => Promise<OpenedContext>): void {
  registerUserCommands(program, open);
  registerAuditCommands(program, open);
  registerCalendarCommands(program, open);
  registerSurveyCommands(program);
  registerComplaintCommands(program, open);
}
