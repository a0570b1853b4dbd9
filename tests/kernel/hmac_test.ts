// kernel/hmac.ts: HMAC-SHA256 as RFC 4231 and node:crypto compute it.

import { assert, assertEquals } from "../assert.ts";
import { createHmac } from "node:crypto";
import { equalInConstantTime, HmacSha256 } from "../../kernel/hmac.ts";

const text = (s: string) => new TextEncoder().encode(s);

Deno.test("HMAC-SHA256 gives RFC 4231's digests (short key, key longer than a block)", () => {
  assertEquals(
    new HmacSha256(text("Jefe")).hex(["what do ya want ", text("for nothing?")]),
    "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
  );
  const long = new Uint8Array(131).fill(0xaa);
  assertEquals(
    new HmacSha256(long).hex(["Test Using Larger Than Block-Size Key - Hash Key First"]),
    "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
  );
});

Deno.test("HMAC-SHA256 agrees with node:crypto over keys, lengths and UTF-8 text", () => {
  for (let n = 0; n < 400; n++) {
    const key = crypto.getRandomValues(new Uint8Array(n % 9 === 0 ? 64 + n % 80 : n % 66));
    const parts: (string | Uint8Array)[] = [];
    for (let p = 0; p < 1 + n % 5; p++) {
      const length = (n * 37 + p * 101) % 300;
      parts.push(
        p % 2
          ? crypto.getRandomValues(new Uint8Array(length))
          : Array.from({ length }, (_, i) => String.fromCodePoint(32 + (i * n) % 70000)).join(""),
      );
    }
    const reference = createHmac("sha256", key);
    for (const part of parts) reference.update(part);
    const hmac = new HmacSha256(key);
    assertEquals(hmac.hex(parts), reference.digest("hex"), `case ${n}`);
    // the same object signs again from scratch
    assertEquals(hmac.hex([]), createHmac("sha256", key).digest("hex"));
  }
});

Deno.test("signatures are compared whole, whatever their length", () => {
  assert(equalInConstantTime(text("abc"), text("abc")));
  assert(!equalInConstantTime(text("abc"), text("abd")));
  assert(!equalInConstantTime(text("abc"), text("ab")));
  assert(equalInConstantTime(text(""), text("")));
});
