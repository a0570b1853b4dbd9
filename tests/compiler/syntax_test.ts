// Erroneous sources: glasspy reports what `python3 NAME.py` writes to stderr for them
// (tests/syntax/NAME.err, exit status 1): the kind, message, line, column and carets.

import { assertEquals } from "../assert.ts";
import { CompileError, formatSyntaxError } from "../../runtime/compiler/syntaxerror.ts";
import { compile } from "../../runtime/compiler/compile.ts";
import { decodeSource } from "../../runtime/compiler/decode.ts";
import { corpusTests, pySources, readOptional, readText } from "./corpus.ts";

corpusTests("syntax", pySources("tests/syntax"), "tests/syntax/xfail.txt", (file) => {
  const name = file.split("/").pop()!;
  let got: string;
  try {
    // a script is read as bytes, so offsets count UTF-8 bytes as CPython's do
    const source = decodeSource(Deno.readFileSync(file), { script: true, filename: name });
    compile(source, { filename: name, mode: "exec", byteOffsets: true });
    got = "(no error)\n";
  } catch (e) {
    if (!(e instanceof CompileError)) throw e;
    got = formatSyntaxError(e);
  }
  assertEquals(got, readText(file.replace(/\.py$/, ".err")), `stderr of ${file}`);
  assertEquals(readOptional(file.replace(/\.py$/, ".status")), "1\n", `status of ${file}`);
});
