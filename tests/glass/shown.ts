// The one display_data bundle a glass magic shows, run through the real kernel.

import { assertEquals } from "../assert.ts";
import type { KernelClient, Msg } from "../kernel/client.ts";

/** Runs `code`, asserts it succeeded with exactly one display, and returns that bundle. */
export async function shown(k: KernelClient, code: string): Promise<Record<string, unknown>> {
  const { reply, iopub } = await k.execute(code);
  assertEquals(reply.content.status, "ok", JSON.stringify(reply.content));
  const d = iopub.filter((m: Msg) => m.header.msg_type === "display_data");
  assertEquals(d.length, 1, code);
  return d[0].content.data as Record<string, unknown>;
}
