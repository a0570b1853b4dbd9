// compile(): the contract the VM and the shell build on — modes, code object fields,
// warnings, and errors that are CompileErrors (never JavaScript errors).

import { assert, assertEquals, assertThrows } from "../assert.ts";
import {
  compile,
  compileAst,
  CompileError,
  CompileRecursionError,
  formatSyntaxError,
} from "../../runtime/compiler/compile.ts";
import type { CodeUnit } from "../../runtime/compiler/code.ts";
import { CO, CO_FAST, CO_FUTURE, PyCF } from "../../runtime/compiler/code.ts";
import { Op } from "../../runtime/compiler/opcode.ts";
import { coLines, coPositions } from "../../runtime/compiler/linetable.ts";
import { codeInfoText } from "../../runtime/compiler/disassemble.ts";
import { prettyFlags } from "../../runtime/compiler/dis.ts";
import { glasspy, repoRoot } from "../glasspy.ts";
import { decodeSource } from "../../runtime/compiler/decode.ts";
import { unparse } from "../../runtime/compiler/unparse.ts";
import { parse } from "../../runtime/compiler/parser.ts";

function child(co: CodeUnit, name: string): CodeUnit {
  for (const c of co.consts) {
    if (typeof c === "object" && c !== null && !(c instanceof Uint8Array) && c.kind === "code") {
      if (c.name === name) return c;
    }
  }
  throw new Error(`no code object ${name}`);
}

Deno.test("compile exec mode makes a module code object", () => {
  const co = compile("x = 1\n", { filename: "m.py", mode: "exec" });
  assertEquals(co.name, "<module>");
  assertEquals(co.qualname, "<module>");
  assertEquals(co.filename, "m.py");
  assertEquals(co.firstlineno, 1);
  assertEquals(co.names, ["x"]);
  assertEquals(co.consts, [1n, null]);
  assertEquals(co.flags, 0);
  // RESUME 0; LOAD_CONST 0; STORE_NAME 0; LOAD_CONST 1; RETURN_VALUE
  assertEquals([...co.code], [151, 0, 100, 0, 90, 0, 100, 1, 83, 0]);
});

Deno.test("compile eval mode returns the expression's value", () => {
  const co = compile("1 + x", { filename: "<string>", mode: "eval" });
  const ops = [...co.code].filter((_, i) => i % 2 === 0);
  assertEquals(ops[ops.length - 1], Op.RETURN_VALUE);
  assert(!co.consts.includes(null), "eval code returns no None");
});

Deno.test("compile single mode prints expression statements", () => {
  const co = compile("1 + x\n", { filename: "<stdin>", mode: "single" });
  assert([...co.code].includes(Op.PRINT_EXPR));
});

Deno.test("function code objects carry argument counts, flags and locals kinds", () => {
  const co = compile("def f(a, b=1, /, c=2, *args, d, **kw):\n    return a\n", {
    filename: "f.py",
    mode: "exec",
  });
  const f = child(co, "f");
  assertEquals(f.argcount, 3);
  assertEquals(f.posonlyargcount, 2);
  assertEquals(f.kwonlyargcount, 1);
  assertEquals(f.localsplusnames, ["a", "b", "c", "d", "args", "kw"]);
  assertEquals(f.flags, CO.OPTIMIZED | CO.NEWLOCALS | CO.VARARGS | CO.VARKEYWORDS);
});

Deno.test("closures get cell and free variables", () => {
  const co = compile(
    "def outer(x):\n    def inner():\n        return x\n    return inner\n",
    { filename: "c.py", mode: "exec" },
  );
  const outer = child(co, "outer");
  const inner = child(outer, "inner");
  assertEquals(outer.localsplusnames, ["x", "inner"]);
  assertEquals([...outer.localspluskinds], [CO_FAST.LOCAL | CO_FAST.CELL, CO_FAST.LOCAL]);
  assertEquals(inner.localsplusnames, ["x"]);
  assertEquals([...inner.localspluskinds], [CO_FAST.FREE]);
  assertEquals(inner.qualname, "outer.<locals>.inner");
  assertEquals(inner.flags & CO.NESTED, CO.NESTED);
});

Deno.test("generators start with RETURN_GENERATOR", () => {
  const co = compile("def g():\n    yield 1\n", { filename: "g.py", mode: "exec" });
  const g = child(co, "g");
  assertEquals(g.code[0], Op.RETURN_GENERATOR);
  assertEquals(g.flags & CO.GENERATOR, CO.GENERATOR);
});

Deno.test("co_lines and co_positions read the location table", () => {
  const co = compile("x = 1\ny = (x +\n     2)\n", { filename: "l.py", mode: "exec" });
  const lines = coLines(co.linetable, co.firstlineno).map(([, , line]) => line);
  // as CPython 3.11's co.co_lines() and co.co_positions() give them
  assertEquals(lines, [0, 1, 1, 2, 3, 2, 2, 2, 2]);
  const positions = coPositions(co.linetable, co.firstlineno);
  assertEquals(positions.length, co.code.length / 2);
  assertEquals(
    positions.slice(0, 6).map((p) => [p.lineno, p.end_lineno, p.col_offset, p.end_col_offset]),
    [[0, 1, 0, 0], [1, 1, 4, 5], [1, 1, 0, 1], [2, 2, 5, 6], [3, 3, 5, 6], [2, 3, 5, 6]],
  );
});

Deno.test("syntax errors are CompileErrors with CPython's message and position", () => {
  const e = assertThrows(
    () => compile("x = (1,\ny = 2\n", { filename: "e.py", mode: "exec" }),
    CompileError,
  );
  assertEquals(e.kind, "SyntaxError");
  assertEquals(e.msg, "'(' was never closed");
  assertEquals([e.lineno, e.offset], [1, 5]);
});

Deno.test("compiler errors name the line", () => {
  const e = assertThrows(
    () => compile("x = 1\nreturn x\n", { filename: "r.py", mode: "exec" }),
    CompileError,
  );
  assertEquals(e.msg, "'return' outside function");
  assertEquals(e.lineno, 2);
  assertEquals(e.text, "return x\n");
});

Deno.test("SyntaxWarnings go to the warn callback", () => {
  const warnings: string[] = [];
  compile("x = 1\nif x is 1:\n    pass\n", {
    filename: "w.py",
    mode: "exec",
    warn: (category, message, lineno) => warnings.push(`${category}:${lineno}:${message}`),
  });
  assertEquals(warnings, ['SyntaxWarning:2:"is" with a literal. Did you mean "=="?']);
});

Deno.test("glasspy dis FILE.py prints what python3 -m dis prints", async () => {
  const r = await glasspy(["dis", "fibonacci.py"], { cwd: repoRoot + "tests/dis" });
  assertEquals(r.code, 0);
  const want = Deno.readTextFileSync(repoRoot + "tests/dis/fibonacci.dis");
  const norm = (s: string) => s.replace(/(<code object \S+ at )0x[0-9a-f]+/g, "$10x?");
  assertEquals(norm(r.stdout), norm(want));
});

Deno.test("glasspy dis reports a syntax error as python3 -m dis does", async () => {
  const r = await glasspy(["dis", "missing_colon_if.py"], { cwd: repoRoot + "tests/syntax" });
  assertEquals(r.code, 1);
  assertEquals(r.stderr, Deno.readTextFileSync(repoRoot + "tests/syntax/missing_colon_if.err"));
});

const bytes = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

Deno.test("decodeSource reads coding cookies and a BOM", () => {
  assertEquals(
    decodeSource(bytes('# coding: latin-1\nx = "\x80\xe9"\n')),
    '# coding: latin-1\nx = "\x80\xe9"\n',
  );
  assertEquals(
    decodeSource(bytes('# coding: cp1252\nx = "\x80"\n')),
    '# coding: cp1252\nx = "\u20ac"\n',
  );
  assertEquals(decodeSource(bytes("\xef\xbb\xbfx = '\xc3\xa9'\n")), "x = '\xe9'\n");
  assertEquals(
    decodeSource(bytes("x = 1\n# coding: latin-1\ny='\xc3\xa9'")),
    "x = 1\n# coding: latin-1\ny='\xe9'",
  );
});

Deno.test("decodeSource reports bad encodings as compile() of bytes does", () => {
  // compile(b"...", "x.py", "exec") in CPython 3.11.7: SyntaxError on line 0, offset -1
  const cases: [string, string][] = [
    ["# coding: uft-8\n", "unknown encoding: uft-8"],
    ["\xef\xbb\xbf# coding: latin-1\nx=1\n", "encoding problem: iso-8859-1 with BOM"],
    ["\xef\xbb\xbf# coding: utf8\nx=1\n", "encoding problem: utf8 with BOM"],
    [
      '# coding: ascii\nx="\xe9"\n',
      "'ascii' codec can't decode byte 0xe9 in position 19: ordinal not in range(128)",
    ],
    [
      '# coding: cp1252\nx="\x81"\n',
      "'charmap' codec can't decode byte 0x81 in position 20: character maps to <undefined>",
    ],
  ];
  for (const [src, msg] of cases) {
    const e = assertThrows(() => decodeSource(bytes(src), { filename: "x.py" }), CompileError);
    assertEquals([e.msg, e.filename, e.lineno, e.offset, e.text, e.located], [
      msg,
      "x.py",
      0,
      -1,
      null,
      true,
    ]);
  }
  // undeclared bad bytes are only an error in a script
  assertEquals(decodeSource(bytes("# \xff\n")), "# \ufffd\n");
});

Deno.test("decodeSource reports bad encodings as python3 FILE.py does", () => {
  const e = assertThrows(
    () => decodeSource(bytes('x = "\xed\xa0\x80"\n'), { script: true, filename: "/tmp/s.py" }),
    CompileError,
  );
  assertEquals(e.located, false);
  assertEquals(
    formatSyntaxError(e),
    "SyntaxError: Non-UTF-8 code starting with '\\xed' in file /tmp/s.py on line 1, but no encoding declared; see https://peps.python.org/pep-0263/ for details\n",
  );
  const f = assertThrows(
    () => decodeSource(bytes("# coding: ascii\n\xe9\n"), { script: true }),
    CompileError,
  );
  assertEquals(formatSyntaxError(f), "SyntaxError: encoding problem: ascii\n");
});

Deno.test("unparse writes annotations as ast_unparse.c does", () => {
  const cases: [string, string][] = [
    ["a if b else c", "a if b else c"],
    ["2 ** -1", "2 ** (-1)"],
    ["(-1) ** 2", "(-1) ** 2"],
    ["lambda *, k: k", "lambda*, k: k"],
    ["1 .real", "1 .real"],
    ["1e309 + 1e309j", "1e309 + 1e309j"],
    ["f'{x!r:>{w}} {{}}'", "f'{x!r:>{w}} {{}}'"],
    ["f'{ {1: 2}[1] }'", "f'{ {1: 2}[1]}'"],
    ["u'x'", "u'x'"],
    ["a[1:2, ::3]", "a[1:2, ::3]"],
    ["(yield)", "(yield)"],
    ["f(x for x in y)", "f(x for x in y)"],
  ];
  for (const [src, want] of cases) {
    const tree = parse(src, { filename: "<unparse>", mode: "eval" });
    if (tree._type !== "Expression") throw new Error("not an Expression");
    assertEquals(unparse(tree.body), want, src);
  }
});

/** codeop._maybe_compile over compile()'s flags, as CPython 3.11.7's codeop does it. */
function compileCommand(source: string): "complete" | "incomplete" | "invalid" {
  const F = PyCF.DONT_IMPLY_DEDENT | PyCF.ALLOW_INCOMPLETE_INPUT;
  if (source.split("\n").every((l) => l.trim() === "" || l.trim()[0] === "#")) source = "pass";
  const ok = (src: string, flags: number) => {
    try {
      compile(src, { filename: "<input>", mode: "single", flags });
      return null;
    } catch (e) {
      if (!(e instanceof CompileError)) throw e;
      return e;
    }
  };
  if (ok(source, F) !== null) {
    const e = ok(source + "\n", F);
    if (e === null || e.msg.includes("incomplete input")) return "incomplete";
  }
  return ok(source, 0) === null ? "complete" : "invalid";
}

Deno.test("flags: incomplete input and implied dedents as codeop sees them", () => {
  // verdicts of codeop.compile_command in CPython 3.11.7
  const cases: [string, string][] = [
    ["if x:", "incomplete"],
    ["if x:\n  y", "incomplete"],
    ["if x:\n  y\n", "complete"],
    ["foo(", "incomplete"],
    ["x = 'abc", "invalid"],
    ["x = '''abc", "incomplete"],
    ["x = = 1", "invalid"],
    ["1 +", "invalid"],
    ["@d", "incomplete"],
    ["x = \\", "incomplete"],
    ["try:\n  x\n", "incomplete"],
    ["# c", "complete"],
    ["f'{x'", "invalid"],
  ];
  for (const [src, want] of cases) assertEquals(compileCommand(src), want, src);
  const e = assertThrows(
    () => compile("x = (1,\n 2", { filename: "<input>", mode: "single", flags: 0x4200 }),
    CompileError,
  );
  assertEquals([e.msg, e.lineno, e.offset], ["incomplete input", 2, 2]);
  // without DONT_IMPLY_DEDENT, the end of single input closes the open blocks
  const code = compile("for i in x:\n  if i:\n    y", { filename: "<stdin>", mode: "single" });
  assert(code.code.length > 0);
});

Deno.test("flags: top-level await makes the module code a coroutine", () => {
  const flags = PyCF.ALLOW_TOP_LEVEL_AWAIT;
  for (const src of ["await x", "async for i in g():\n    i\n", "[await x for x in y]"]) {
    const code = compile(src, { filename: "<x>", mode: "exec", flags });
    assertEquals(code.flags, CO.COROUTINE, src);
    assertEquals(code.code[0], Op.RETURN_GENERATOR, src);
  }
  assertEquals(compile("x = 1", { filename: "<x>", mode: "exec", flags }).flags, 0);
  const e = assertThrows(
    () => compile("def f():\n    await x\n", { filename: "<x>", mode: "exec", flags }),
    CompileError,
  );
  assertEquals(e.msg, "'await' outside async function");
  assertThrows(() => compile("await x", { filename: "<x>", mode: "exec" }), CompileError);
});

Deno.test("flags: future features carried in from outside the source", () => {
  const ann = compile("x: list[int] = []", {
    filename: "<x>",
    mode: "exec",
    flags: CO_FUTURE.ANNOTATIONS,
  });
  assertEquals(ann.flags, CO_FUTURE.ANNOTATIONS);
  assert(ann.consts.includes("list[int]"));
  const barry = { filename: "<x>", mode: "eval" as const, flags: CO_FUTURE.BARRY_AS_BDFL };
  compile("1 <> 2", barry);
  const e = assertThrows(() => compile("1 != 2", barry), CompileError);
  assertEquals(e.msg, "with Barry as BDFL, use '<>' instead of '!='");
  assertThrows(() => compile("1 <> 2", { filename: "<x>", mode: "eval" }), CompileError);
});

Deno.test("compileAst compiles a cell statement by statement, as IPython does", () => {
  const cell = "import asyncio\nawait asyncio.sleep(0)\nx = 1\nx + 1";
  const tree = parse(cell, { filename: "<cell>", mode: "exec" });
  if (tree._type !== "Module") throw new Error("not a Module");
  const before = JSON.stringify(tree, (_k, v) => (typeof v === "bigint" ? String(v) : v));
  const codes = tree.body.map((node, i) =>
    compileAst(
      i === tree.body.length - 1 && node._type === "Expr"
        ? { _type: "Interactive", body: [node] }
        : { _type: "Module", body: [node], type_ignores: [] },
      { filename: "<cell>", flags: PyCF.ALLOW_TOP_LEVEL_AWAIT, source: cell },
    )
  );
  assertEquals(codes.map((c) => c.flags), [0, CO.COROUTINE, 0, 0]);
  // module code starts at line 1; its instructions keep the cell's lines
  assertEquals(codes.map((c) => c.firstlineno), [1, 1, 1, 1]);
  assertEquals(
    codes.map((c) =>
      Math.max(...coLines(c.linetable, c.firstlineno).map(([, , line]) => line ?? 0))
    ),
    [
      1,
      2,
      3,
      4,
    ],
  );
  assert(codes[3].code.includes(Op.PRINT_EXPR));
  // the tree is left as it was
  assertEquals(JSON.stringify(tree, (_k, v) => (typeof v === "bigint" ? String(v) : v)), before);
});

Deno.test("programText gives compiler errors CPython's text (None for <stdin>)", () => {
  const opts = { filename: "<stdin>", mode: "single" as const };
  const e = assertThrows(
    () => compile("return 1", { ...opts, programText: () => null }),
    CompileError,
  );
  assertEquals([e.msg, e.lineno, e.offset, e.text], ["'return' outside function", 1, 1, null]);
  assertEquals(
    formatSyntaxError(e),
    `  File "<stdin>", line 1\nSyntaxError: 'return' outside function\n`,
  );
  // by default the source's own line, as for a script read from its file
  const f = assertThrows(() => compile("return 1", opts), CompileError);
  assertEquals(f.text, "return 1");
});

Deno.test("dis.code_info and pretty_flags text", () => {
  const src =
    "def f(a, /, b, *c, d, **e):\n    def g():\n        return a\n    return g, 1.5, None\n";
  const f = compile(src, { filename: "x.py", mode: "exec" }).consts[0] as CodeUnit;
  const info = codeInfoText(f).replace(/ at 0x[0-9a-f]+/, " at 0x?");
  // dis.code_info in CPython 3.11.7
  assertEquals(
    info,
    'Name:              f\nFilename:          x.py\nArgument count:    2\nPositional-only arguments: 1\nKw-only arguments: 1\nNumber of locals:  6\nStack size:        3\nFlags:             OPTIMIZED, NEWLOCALS, VARARGS, VARKEYWORDS\nConstants:\n   0: None\n   1: <code object g at 0x?, file "x.py", line 2>\n   2: 1.5\nVariable names:\n   0: a\n   1: b\n   2: d\n   3: c\n   4: e\n   5: g\nCell variables:\n   0: a',
  );
  assertEquals(prettyFlags(0x1000000 | 0x80 | 3), "OPTIMIZED, NEWLOCALS, COROUTINE, 0x1000000");
});

Deno.test("deep nesting: linear time, and RecursionError rather than a stack overflow", () => {
  // nested code objects as constants once took time exponential in the depth
  const t0 = performance.now();
  compile("x = " + "lambda: ".repeat(300) + "1\n", { filename: "<x>", mode: "exec" });
  assert(performance.now() - t0 < 5000);
  // CPython: RecursionError: maximum recursion depth exceeded during compilation
  const e = assertThrows(
    () => compile("x = " + "-".repeat(100000) + "1\n", { filename: "<x>", mode: "exec" }),
    CompileRecursionError,
  );
  assertEquals(e.pythonMessage, "maximum recursion depth exceeded during compilation");
  assert(e instanceof RangeError);
});
