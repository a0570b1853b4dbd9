// The eval loop's switch is written with literal opcode numbers (so that V8 compiles it to
// a jump table); each literal carries its name in a comment. They must agree with opcode.ts.

import { assertEquals } from "../assert.ts";
import { Op } from "../../runtime/compiler/opcode.ts";

const source = Deno.readTextFileSync(new URL("../../runtime/vm/eval.ts", import.meta.url));

Deno.test("every literal opcode case in eval.ts names its opcode", () => {
  const wrong: string[] = [];
  let count = 0;
  for (const m of source.matchAll(/(\d+) \/\* ([A-Z_0-9]+) \*\//g)) {
    const [, num, name] = m;
    if (name.startsWith("NB_") || name.startsWith("BINARY_OP_")) continue;
    count++;
    const expected = (Op as Record<string, number>)[name];
    if (expected !== Number(num)) wrong.push(`${num} /* ${name} */ (opcode.ts: ${expected})`);
  }
  assertEquals(wrong, []);
  assertEquals(count > 100, true);
});

Deno.test("every opcode the compiler can emit has a case in the eval loop", () => {
  const handled = new Set(
    [...source.matchAll(/case (\d+) \/\* ([A-Z_0-9]+) \*\//g)].map((m) => m[2]),
  );
  // EXTENDED_ARG is consumed before the switch
  const missing = Object.keys(Op).filter((name) => !handled.has(name) && name !== "EXTENDED_ARG");
  assertEquals(missing, []);
});
