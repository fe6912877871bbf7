// What a `pamong` subcommand contributed by a core area runs in: a context opened for the command and
// closed after it, with a refusal (AppError) shown in both languages instead of as an object.
import type { AppContext } from './context';
import { AppError } from './http/errors';

export type OpenCliContext = () => Promise<AppContext & { close(): Promise<void> }>;

export async function withCliContext(open: OpenCliContext, fn: (ctx: AppContext) => Promise<void>): Promise<void> {
  const ctx = await open();
  try {
    await fn(ctx);
  } catch (e) {
    if (e instanceof AppError) throw new Error(`${e.text.id} / ${e.text.en}`);
    throw e;
  } finally {
    await ctx.close();
  }
}
