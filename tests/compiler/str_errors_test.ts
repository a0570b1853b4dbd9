// compile() of a str: CPython 3.11's SyntaxError for each source in str_errors.json
// (written by str_errors.py from the oracle): message, position and text, where the text
// comes from the tokenizer's buffers because no file holds the source.

import { assertEquals } from "../assert.ts";
import { compile, CompileError } from "../../runtime/compiler/compile.ts";

interface Case {
  source: string;
  mode: "exec" | "eval" | "single";
  flags: number;
  result: "ok" | [string, string, number, number, number | null, number | null, string | null];
}

const cases: Case[] = JSON.parse(
  Deno.readTextFileSync(new URL("./str_errors.json", import.meta.url)),
);

Deno.test("compile() of a str reports CPython's SyntaxErrors", () => {
  for (const c of cases) {
    let got: Case["result"];
    try {
      compile(c.source, {
        filename: "<string>",
        mode: c.mode,
        flags: c.flags,
        programText: () => null,
      });
      got = "ok";
    } catch (e) {
      if (!(e instanceof CompileError)) throw e;
      got = [e.kind, e.msg, e.lineno, e.offset, e.endLineno, e.endOffset, e.text];
    }
    assertEquals(got, c.result, `${JSON.stringify(c.source)} (${c.mode}, flags ${c.flags})`);
  }
});
