// A C function's internal docstring split into __text_signature__ and __doc__, where
// CPython's typeobject.c splits it (runtime/objects/textsignature.ts).

import { assertEquals } from "../assert.ts";
import {
  docFromInternalDoc,
  textSignatureFromInternalDoc,
} from "../../runtime/objects/textsignature.ts";

Deno.test("a docstring that opens with name(...), then '--' and a blank line, has a signature", () => {
  const doc = "len($module, obj, /)\n--\n\nHow many items.";
  assertEquals(textSignatureFromInternalDoc("len", doc), "($module, obj, /)");
  assertEquals(docFromInternalDoc("len", doc), "How many items.");
});

Deno.test("a signature with nothing after it leaves __doc__ None", () => {
  const doc = "abs($module, x, /)\n--\n\n";
  assertEquals(textSignatureFromInternalDoc("abs", doc), "($module, x, /)");
  assertEquals(docFromInternalDoc("abs", doc), null);
});

Deno.test("a dotted name is matched by its last part; another name is no signature", () => {
  const doc = "append($self, object, /)\n--\n\nAdd it.";
  assertEquals(textSignatureFromInternalDoc("list.append", doc), "($self, object, /)");
  assertEquals(textSignatureFromInternalDoc("extend", doc), null);
  assertEquals(docFromInternalDoc("extend", doc), doc);
});

Deno.test("a blank line before the end marker means the docstring only looks like a call", () => {
  const doc = "max(iterable, *[, default=obj, key=func]) -> value\n\nmore\n)\n--\n\n";
  assertEquals(textSignatureFromInternalDoc("max", doc), null);
  assertEquals(docFromInternalDoc("max", doc), doc);
});

Deno.test("no docstring: no signature and no __doc__", () => {
  assertEquals(textSignatureFromInternalDoc("dir", null), null);
  assertEquals(docFromInternalDoc("dir", null), null);
});
