import { assertEquals, assertStringIncludes } from "../assert.ts";
import { glasspy, repoRoot } from "../glasspy.ts";

// The REPL's mechanics, with the toy engine (a test double) standing in for the VM.
const TOY = ["repl", "--engine", `${repoRoot}tests/shell/toy_engine.ts`];

Deno.test("repl echoes results on stdout and prompts on stderr, as python3 -i", async () => {
  const r = await glasspy(TOY, { stdin: "x = 5\nx\nprint('hi')\n" });
  assertEquals(r.code, 0, r.stderr);
  assertEquals(r.stdout, "5\nhi\n");
  assertStringIncludes(r.stderr, ">>> >>> >>> >>> \n");
});

Deno.test("repl: a compound statement runs on to a blank line, with ... prompts", async () => {
  const r = await glasspy(TOY, { stdin: "n = 3\nwhile n:\n    n = n - 1\n\nn\n" });
  assertEquals(r.stdout, "0\n");
  assertStringIncludes(r.stderr, ">>> ... ... >>> ");
});

Deno.test("repl: tracebacks on stderr name <stdin>; the session goes on", async () => {
  const r = await glasspy(TOY, { stdin: "1/0\n'after'\n" });
  assertStringIncludes(
    r.stderr,
    'File "<stdin>", line 1, in <module>\nZeroDivisionError: division by zero',
  );
  assertEquals(r.stdout, "'after'\n");
});

Deno.test("repl: magics work, input() reads the next line", async () => {
  const r = await glasspy(TOY, { stdin: "alpha = 1\n%who\nname = input('? ')\nAda\nname\n" });
  assertEquals(r.stdout, "alpha\t \n'Ada'\n");
});

Deno.test("repl: SystemExit ends it with its status", async () => {
  const r = await glasspy(TOY, { stdin: "raise SystemExit(3)\n'not reached'\n" });
  assertEquals(r.code, 3);
  assertEquals(r.stdout, "");
});

Deno.test("repl with an engine that cannot start says why and exits 3", async () => {
  const r = await glasspy(["repl", "--engine", `${repoRoot}tests/cli/no_such_engine.ts`], {
    stdin: "1\n",
  });
  assertEquals(r.code, 3);
  assertStringIncludes(r.stderr, "no_such_engine.ts");
});
