// Domain-event subscriptions: topic -> the handlers of every enabled module that listens to it.
// A handler runs inside the outbox's transaction and must use the `q` it is given, never ctx.db
// (on PGlite a second query outside the open transaction would wait for it forever).
import type { EventHandler, PamongModule } from '../module';

export type EventHandlers = ReadonlyMap<string, readonly EventHandler[]>;

export function eventHandlersFrom(modules: readonly Pick<PamongModule, 'events'>[]): EventHandlers {
  const map = new Map<string, EventHandler[]>();
  for (const m of modules) {
    for (const [topic, handler] of Object.entries(m.events ?? {})) {
      if (topic === 'email') throw new Error(`A module may not subscribe to the reserved outbox topic 'email'`);
      const list = map.get(topic) ?? [];
      list.push(handler);
      map.set(topic, list);
    }
  }
  return map;
}
