import { assert, assertEquals, assertStringIncludes } from "../assert.ts";
import { Session } from "../../runtime/shell/session.ts";
import type { ShellEvent } from "../../runtime/shell/events.ts";
import { createEngine } from "./toy_engine.ts";
import { ipython } from "./ipython.ts";

// The shell's rules, checked with the toy engine (a test double) standing in for the VM.

function session(readline?: (prompt: string, password: boolean) => string | null) {
  const events: ShellEvent[] = [];
  const s = new Session({ engine: createEngine, emit: (e) => events.push(e), readline });
  const run = (code: string, options = {}) => {
    events.length = 0;
    const outcome = s.execute(code, options);
    return { outcome, events: [...events] };
  };
  return { s, run, events };
}

const stdout = (events: ShellEvent[]) =>
  events.filter((e) => e.type === "stream" && e.name === "stdout").map((e) =>
    (e as { text: string }).text
  ).join("");
const stderr = (events: ShellEvent[]) =>
  events.filter((e) => e.type === "stream" && e.name === "stderr").map((e) =>
    (e as { text: string }).text
  ).join("");
const results = (events: ShellEvent[]) =>
  events.filter((e) => e.type === "execute_result") as Extract<
    ShellEvent,
    { type: "execute_result" }
  >[];

Deno.test("execution_count: a stored cell takes the count, then it moves on", () => {
  const { run } = session();
  const a = run("x = 1");
  assertEquals(a.events[0], { type: "execute_input", code: "x = 1", execution_count: 1 });
  assertEquals(a.outcome.executionCount, 1);
  assertEquals(run("x").outcome.executionCount, 2);
});

Deno.test("execution_count: silent cells publish no input, show no result, keep the count", () => {
  const { run } = session();
  run("x = 1");
  const r = run("x", { silent: true });
  assertEquals(r.events, []);
  assertEquals(r.outcome.executionCount, 1);
  assertEquals(run("x").outcome.executionCount, 2);
});

Deno.test("execution_count: store_history=false shows the count but does not take it", () => {
  const { run } = session();
  const r = run("5", { storeHistory: false });
  assertEquals(r.events[0], { type: "execute_input", code: "5", execution_count: 1 });
  assertEquals(results(r.events)[0].execution_count, 1);
  assertEquals(r.outcome.executionCount, 0);
  assertEquals(run("6").outcome.executionCount, 1);
});

Deno.test("execution_count: an empty cell keeps the count; a syntax error takes it", () => {
  const { run } = session();
  const empty = run("   ");
  assertEquals(empty.events, [{ type: "execute_input", code: "   ", execution_count: 1 }]);
  assertEquals(empty.outcome.executionCount, 0);
  const bad = run("x = (1 +");
  assertEquals(bad.outcome.status, "error");
  assertEquals(bad.outcome.executionCount, 1);
  assertEquals(run("1").outcome.executionCount, 2);
});

Deno.test("the trailing expression is displayed and bound to _, _N and Out[N]", () => {
  const { run } = session();
  const r = run("y = 7\ny");
  assertEquals(results(r.events), [{
    type: "execute_result",
    execution_count: 1,
    data: { "text/plain": "7" },
    metadata: {},
  }]);
  assertEquals(results(run("_1").events)[0].data["text/plain"], "7");
  assertEquals(results(run("Out").events)[0].data["text/plain"], "{1: 7, 2: 7}");
  run("'b'");
  run("'c'");
  assertEquals(results(run("[_, __, ___]").events)[0].data["text/plain"], "['c', 'b', 7]");
});

Deno.test("a trailing ; hides the result and leaves _ alone; None shows nothing", () => {
  const { run } = session();
  run("1");
  assertEquals(results(run("2;").events), []);
  assertEquals(results(run("None").events), []);
  assertEquals(results(run("_").events)[0].data["text/plain"], "1");
});

Deno.test("In holds the transformed source of each stored cell, _i the raw source", () => {
  const { run } = session();
  run("x = 1");
  run("%who");
  assertEquals(
    results(run("In").events)[0].data["text/plain"],
    "['', 'x = 1', \"get_ipython().run_line_magic('who', '')\", 'In']",
  );
  // at cell 4, _i is cell 3 and _ii cell 2, as HistoryManager.store_inputs shifts them
  assertEquals(results(run("_ii").events)[0].data["text/plain"], "'%who'");
});

Deno.test("an exception ends the cell with CPython's traceback and the error event", () => {
  const { run } = session();
  const r = run("x = 1\n1/0\nx = 2");
  assertEquals(r.outcome.status, "error");
  assertEquals(r.outcome.error?.ename, "ZeroDivisionError");
  assertEquals(r.outcome.error?.traceback, [
    "Traceback (most recent call last):",
    '  File "<cell In[1]>", line 2, in <module>',
    "    1/0",
    "ZeroDivisionError: division by zero",
  ]);
  assert(r.events.some((e) => e.type === "error"));
  assertEquals(results(run("x").events)[0].data["text/plain"], "1");
});

Deno.test("input() without allow_stdin raises StdinNotImplementedError, as ipykernel", () => {
  const { run } = session(() => "never");
  const r = run("input('?')");
  assertEquals(r.outcome.error?.ename, "StdinNotImplementedError");
  assertEquals(
    r.outcome.error?.evalue,
    "raw_input was called, but this frontend does not support input requests.",
  );
});

Deno.test("input() with allow_stdin reads through the host; getpass asks for a password", () => {
  const asked: [string, boolean][] = [];
  const { run } = session((prompt, password) => {
    asked.push([prompt, password]);
    return password ? "secret" : "typed";
  });
  const r = run("a = input('name: ')\nimport getpass\nb = getpass.getpass('pw: ')\na + b", {
    allowStdin: true,
  });
  assertEquals(asked, [["name: ", false], ["pw: ", true]]);
  assertEquals(results(r.events)[0].data["text/plain"], "'typedsecret'");
});

Deno.test("an unknown magic is IPython's UsageError: one line on stderr, status error", () => {
  const { run } = session();
  const r = run("%nosuchmagic 1 2");
  assertEquals(stderr(r.events), "UsageError: Line magic function `%nosuchmagic` not found.\n");
  assertEquals(r.outcome.error, {
    ename: "UsageError",
    evalue: "Line magic function `%nosuchmagic` not found.",
    traceback: [],
  });
  const c = run("%%nosuchcell\nx");
  assertEquals(stderr(c.events), "UsageError: Cell magic `%%nosuchcell` not found.\n");
});

Deno.test("%who, %whos and %reset -f print what IPython prints", async () => {
  const cells = [
    "%who",
    "%whos",
    "alpha = 123\nbeta = 'test'\ngamma = [1, 2]\nlong = 'x' * 80",
    "%who",
    "%who int",
    "%who float",
    "%whos",
    "%whos list str",
    "%reset -f",
    "%who",
  ];
  const expected = await ipython<string[]>(
    `import io, contextlib
from IPython.core.interactiveshell import InteractiveShell
shell = InteractiveShell.instance()
result = []
for cell in data:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        shell.run_cell(cell, store_history=True)
    result.append(out.getvalue())`,
    cells,
  );
  const { run } = session();
  cells.forEach((cell, i) => assertEquals(stdout(run(cell).events), expected[i], cell));
});

Deno.test("%lsmagic lists every registered magic, %dis and %time among them", () => {
  const { run } = session();
  const out = stdout(run("%lsmagic").events);
  assertStringIncludes(out, "Available line magics:\n");
  for (const name of ["%dis", "%time", "%who", "%whos", "%reset", "%lsmagic", "%%dis", "%%time"]) {
    assertStringIncludes(out, name);
  }
});

Deno.test("%time prints CPU and wall time in IPython's words and returns the value", () => {
  const { run } = session();
  const r = run("%time 6 * 7");
  assert(
    /^CPU times: user \S+ \S+, sys: \S+ \S+, total: \S+ \S+\nWall time: \S+ \S+\n$/.test(
      stdout(r.events),
    ),
    stdout(r.events),
  );
  assertEquals(results(r.events)[0].data["text/plain"], "42");
  const cell = run("%%time\nz = 5");
  assertStringIncludes(stdout(cell.events), "Wall time: ");
  assertEquals(results(run("z").events)[0].data["text/plain"], "5");
});

Deno.test("%%dis shows the cell's code objects without running them", () => {
  const { run } = session();
  const r = run("%%dis\nnever_bound = 1");
  assertStringIncludes(stdout(r.events), "never_bound = 1");
  assertEquals(run("never_bound").outcome.error?.ename, "NameError");
});

Deno.test("obj? pages the inspector's text: type, refcount, id, size", () => {
  const { run } = session();
  run("n = 5");
  const r = run("n?");
  assertEquals(r.outcome.payload.length, 1);
  const page = r.outcome.payload[0] as { source: string; data: Record<string, string> };
  assertEquals(page.source, "page");
  for (const field of ["Type:", "Refcount:", "Id:", "Size:", "String form:"]) {
    assertStringIncludes(page.data["text/plain"], field);
  }
});

Deno.test("display() publishes a bundle with _repr_html_; clear= clears first", () => {
  const { run } = session();
  const r = run("display(Html('<b>hi</b>'), 3)");
  const shown = r.events.filter((e) => e.type === "display_data");
  assertEquals(shown.length, 2);
  assertEquals((shown[0] as { data: Record<string, unknown> }).data["text/html"], "<b>hi</b>");
  assertEquals((shown[1] as { data: Record<string, unknown> }).data, { "text/plain": "3" });
  const c = run("display(1, clear=True)");
  assertEquals(c.events[1], { type: "clear_output", wait: true });
});

Deno.test("user_expressions are evaluated after a good cell, with errors reported per name", () => {
  const { s } = session();
  s.execute("v = 4");
  const r = s.execute("w = 1", { userExpressions: { a: "v * 2", b: "nope" } });
  assertEquals(r.userExpressions.a, { status: "ok", data: { "text/plain": "8" }, metadata: {} });
  assertEquals((r.userExpressions.b as { ename: string }).ename, "NameError");
});

Deno.test("completion offers names, builtins and keywords; attributes after a dot", () => {
  const { s } = session();
  s.execute("import sys\nprefix_one = 1\nprefix_two = 2");
  assertEquals(s.complete("prefix_", 7), {
    matches: ["prefix_one", "prefix_two"],
    cursorStart: 0,
    cursorEnd: 7,
  });
  assertEquals(s.complete("x = pri", 7).matches, ["print"]);
  assertEquals(s.complete("whi", 3).matches, ["while"]);
  assertEquals(s.complete("sys.std", 7), {
    matches: ["stderr", "stdout"],
    cursorStart: 4,
    cursorEnd: 7,
  });
  // magics as ipykernel offers them (tests/kernel/jupyter/parity_tests.py compares them
  // with ipykernel's own answers): by name, each line magic before its cell magic
  assertEquals(s.complete("%ti", 3).matches, ["%time", "%%time", "%timeit", "%%timeit"]);
  assertEquals(s.complete("%%ti", 4).matches, ["%%time", "%%timeit"]);
  assertEquals(s.complete("wh", 2).matches, ["while", "%who", "%whos"]);
});

Deno.test("cursor positions count code points, not UTF-16 units", () => {
  const { s } = session();
  s.execute("prefix_one = 1");
  // "😀" is one code point but two UTF-16 units
  const code = "'😀'; prefix_o";
  const cursor = [...code].length;
  assertEquals(s.complete(code, cursor), {
    matches: ["prefix_one"],
    cursorStart: cursor - 8,
    cursorEnd: cursor,
  });
});

Deno.test("SystemExit in a cell is shown as IPython shows it, and the session goes on", () => {
  const { run } = session();
  const r = run("raise SystemExit(3)");
  assertEquals(r.outcome.error, {
    ename: "SystemExit",
    evalue: "3",
    traceback: [
      "An exception has occurred, use %tb to see the full traceback.",
      "",
      "SystemExit: 3",
    ],
  });
  assertStringIncludes(stderr(r.events), "To exit: use 'exit', 'quit', or Ctrl-D.");
  assertEquals(run("1").outcome.status, "ok");
});

Deno.test("exit() asks the front end to stop the kernel, as ipykernel's exit does", () => {
  const { run } = session();
  assertEquals(run("exit()").outcome.payload, [{ source: "ask_exit", keepkernel: false }]);
  assertEquals(run("quit(True)").outcome.payload, [{ source: "ask_exit", keepkernel: true }]);
  assertEquals(run("%who").events.length, 2, "exit and quit are hidden from %who");
  // IPython calls the exit object when a line is only its name
  assertEquals(run("exit").outcome.payload, [{ source: "ask_exit", keepkernel: false }]);
  assertEquals(run("  quit  ").outcome.payload, [{ source: "ask_exit", keepkernel: false }]);
  assertEquals(run("exit\n1").outcome.payload, [], "not in a cell of two lines");
  run("leave = exit");
  assertEquals(run("leave").outcome.payload, [{ source: "ask_exit", keepkernel: false }]);
  run("exit = 5");
  assertEquals(run("exit").outcome.payload, []);
});
