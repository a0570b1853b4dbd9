// The parser round trip: for every dis and conformance source, glasspy's AST dump equals
// `ast.dump(ast.parse(source), include_attributes=True)` as CPython 3.11 wrote it (NAME.ast).

import { assertEquals } from "../assert.ts";
import { parse } from "../../runtime/compiler/parser.ts";
import { dump } from "../../runtime/compiler/astdump.ts";
import { constRepr } from "../../runtime/compiler/constrepr.ts";
import { strRepr } from "../../runtime/objects/strrepr.ts";
import { corpusTests, pySources, readOptional, readText } from "./corpus.ts";

const files = [...pySources("tests/dis"), ...pySources("tests/conformance")]
  .filter((f) => readOptional(f.replace(/\.py$/, ".ast")) !== null);

corpusTests("ast", files, "tests/compiler/ast_xfail.txt", (file) => {
  const source = readText(file);
  const tree = parse(source, { filename: file.split("/").pop()!, mode: "exec" });
  const got = dump(tree, { reprConst: (c) => constRepr(c), reprStr: strRepr }) + "\n";
  assertEquals(got, readText(file.replace(/\.py$/, ".ast")), `ast.dump of ${file}`);
});
