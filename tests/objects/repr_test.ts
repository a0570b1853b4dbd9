// The pure value functions against CPython's answers in tests/tables/reprs.out.

import { assertEquals } from "../assert.ts";
import { floatRepr } from "../../runtime/objects/floatrepr.ts";
import { bytesRepr, strRepr } from "../../runtime/objects/strrepr.ts";
import { hashBytes, hashStr } from "../../runtime/objects/hash.ts";

// The only numbers in the table are 64-bit hashes: read them as exact bigints.
const table = JSON.parse(
  Deno.readTextFileSync(new URL("../tables/reprs.out", import.meta.url)),
  (_key, value, context?: { source?: string }) =>
    typeof value === "number" ? BigInt(context!.source!) : value,
) as {
  floats: [string, string][];
  strs: [string, string, bigint][];
  bytes: [string, string, bigint][];
};

function fromHex(hex: string): Uint8Array {
  return Uint8Array.from(hex.match(/../g) ?? [], (h) => parseInt(h, 16));
}

Deno.test("floatRepr gives CPython's repr for every float in the table", () => {
  for (const [bits, expected] of table.floats) {
    const x = new DataView(fromHex(bits).buffer).getFloat64(0, true);
    assertEquals(floatRepr(x), expected, `float with bits ${bits}`);
  }
});

Deno.test("strRepr gives CPython's repr for every str in the table", () => {
  for (const [s, expected] of table.strs) assertEquals(strRepr(s), expected);
});

Deno.test("bytesRepr gives CPython's repr for every bytes in the table", () => {
  for (const [hex, expected] of table.bytes) assertEquals(bytesRepr(fromHex(hex)), expected);
});

Deno.test("hashStr is CPython's str hash under PYTHONHASHSEED=0", () => {
  for (const [s, , expected] of table.strs) assertEquals(hashStr(s), expected, strRepr(s));
});

Deno.test("hashBytes is CPython's bytes hash under PYTHONHASHSEED=0", () => {
  for (const [hex, , expected] of table.bytes) {
    assertEquals(hashBytes(fromHex(hex)), expected, hex);
  }
});
