import { assertEquals } from "../assert.ts";
import { Session } from "../../mod.ts";
import type { ShellEvent } from "../../mod.ts";
import { createEngine } from "./toy_engine.ts";

Deno.test("mod.ts exports the Session a Deno program drives", () => {
  const events: ShellEvent[] = [];
  const s = new Session({ engine: createEngine, emit: (e) => events.push(e) });
  const r = s.execute("print('from mod.ts')");
  assertEquals(r.status, "ok");
  assertEquals(events.filter((e) => e.type === "stream"), [
    { type: "stream", name: "stdout", text: "from mod.ts\n" },
  ]);
});
