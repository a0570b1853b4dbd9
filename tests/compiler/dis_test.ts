// The bytecode: for every source in tests/dis, glasspy's disassembly equals what
// `python3 -m dis NAME.py` printed with CPython 3.11 (NAME.dis), line for line. The only
// normalization is the address inside `<code object ... at 0x...>`. Frozenset constants are
// written by the VM (in its sets' order), as `glasspy dis` writes them.

import { assertEquals } from "../assert.ts";
import { compile } from "../../runtime/compiler/compile.ts";
import { disText } from "../../runtime/compiler/disassemble.ts";
import { decodeSource } from "../../runtime/compiler/decode.ts";
import { vmConstRepr } from "../../runtime/modules/_dis.ts";
import { corpusTests, pySources, readText, repoRoot } from "./corpus.ts";

/** The one normalization: addresses of code objects. */
function normalize(text: string): string {
  return text.replace(/(<code object \S+ at )0x[0-9a-f]+/g, "$10x?");
}

corpusTests("dis", pySources("tests/dis"), "tests/dis/xfail.txt", (file) => {
  const name = file.split("/").pop()!;
  const source = decodeSource(Deno.readFileSync(repoRoot + file));
  const code = compile(source, { filename: name, mode: "exec", byteOffsets: true });
  assertEquals(
    normalize(disText(code, false, vmConstRepr(code))),
    normalize(readText(file.replace(/\.py$/, ".dis"))),
    `disassembly of ${file}`,
  );
});
