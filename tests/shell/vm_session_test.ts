import { assert, assertEquals, assertMatch, assertStringIncludes } from "../assert.ts";
import { splitTimeitLine } from "../../runtime/shell/magics/timeit.ts";
import { Session } from "../../runtime/shell/session.ts";
import type { Clock } from "../../runtime/shell/session.ts";
import type { ShellEvent } from "../../runtime/shell/events.ts";
import { createEngine } from "../../runtime/shell/vm_engine.ts";
import { ipython } from "./ipython.ts";
import { HostRaise } from "../../runtime/vm/host.ts";

// The shell on glasspy's VM (the toy engine stands in for it in session_test.ts), checked
// against what CPython and IPython answer for the same cells.

export function vmSession(clock?: Clock) {
  const events: ShellEvent[] = [];
  const s = new Session({ engine: createEngine, emit: (e) => events.push(e), clock });
  const run = (code: string) => {
    events.length = 0;
    const outcome = s.execute(code);
    return { outcome, events: [...events] };
  };
  return { s, run };
}

export const textOf = (events: ShellEvent[], name = "stdout") =>
  events.filter((e) => e.type === "stream" && e.name === name)
    .map((e) => (e as { text: string }).text).join("");

export const resultOf = (events: ShellEvent[]) => {
  const r = events.find((e) => e.type === "execute_result") as
    | { data: { "text/plain": string } }
    | undefined;
  return r?.data["text/plain"];
};

Deno.test("cell tracebacks show the cell's source lines, as linecache gives them to CPython", async () => {
  const cells = [
    "x = 1\n1/0",
    "def f(n):\n    return g(n) + 1\ndef g(n):\n    return [1][n]\nf(3)",
  ];
  // CPython 3.11 (the oracle's), each cell registered in linecache under its name as
  // IPython's CachingCompiler registers it (every line ending in a newline)
  const want = await ipython<string[][]>(
    `import linecache, traceback
result = []
for n, cell in enumerate(data, 1):
    name = f"<cell In[{n}]>"
    linecache.cache[name] = (len(cell), None, [l + "\\n" for l in cell.splitlines()], name)
    try:
        exec(compile(cell, name, "exec"), {})
    except Exception as e:
        lines = traceback.format_exception(e)
        lines = "".join(lines[:1] + lines[2:]).rstrip("\\n").split("\\n")
        result.append(lines)`,
    cells,
    "python3",
  );
  const { run } = vmSession();
  const got = cells.map((c) => run(c).outcome.error?.traceback);
  assertEquals(got, want);
  assert(want[0].includes("    1/0"), "the oracle shows source lines");
});

Deno.test("%timeit options split as IPython's parse_options splits them", async () => {
  const lines = [
    "-n 5 -r 3 x = 1",
    "-n10 -qo  f(-n)",
    "x -n 3",
    '-r2 -p5 "a b" + "-n"',
    "-t -c 1",
    "",
    "-- -n 3",
    "-o",
  ];
  const want = await ipython<[[string, string][], string][]>(
    `from IPython.core.magics.execution import ExecutionMagics
m = ExecutionMagics(shell=None)
result = []
for line in data:
    opts, stmt = m.parse_options(line, "n:r:tcp:qo", posix=False, strict=False, preserve_non_opts=True)
    result.append([sorted(("-" + k, v) for k, v in dict(opts).items()), stmt])`,
    lines,
  );
  const got = lines.map((l): [[string, string][], string] => {
    const { found, stmt } = splitTimeitLine(l);
    return [found.sort(), stmt];
  });
  assertEquals(got, want);
});

Deno.test("%timeit: loops and runs as asked, the power-of-ten rule, IPython's line", () => {
  const { run } = vmSession();
  run("calls = []");
  const line = textOf(run("%timeit -n 5 -r 3 calls.append(1)").events);
  // IPython's line; before it, when the runs' times differ over 4x, its caching warning;
  // after it, when compiling the statement took over 0.1 s, its "Compiler time" line (both
  // are seen on a loaded machine)
  const lines = line.split("\n");
  assertEquals(lines.pop(), "");
  if (lines[0].startsWith("The slowest run took")) {
    assertMatch(lines.shift()!, /^The slowest run took \d+\.\d\d times longer than the fastest\./);
  }
  assertMatch(
    lines.shift()!,
    /^[\d.e+-]+ (ns|µs|ms|s) ± [\d.e+-]+ (ns|µs|ms|s) per loop \(mean ± std\. dev\. of 3 runs, 5 loops each\)$/,
  );
  if (lines.length > 0) assertMatch(lines.shift()!, /^Compiler time: \d+\.\d\d s$/);
  assertEquals(lines, []);
  assertEquals(resultOf(run("len(calls)").events), "15");
  // without -n: 1, 10, 100, ... loops until one takes 0.2 s, then -r runs of that many
  run("calls.clear()");
  const r = run("r = %timeit -r 2 -o -q calls.append(1)");
  assertEquals(textOf(r.events), "", "-q prints nothing");
  const [loops, count] = resultOf(run("r.loops, len(calls)").events)!.slice(1, -1).split(", ")
    .map(Number);
  assert(Number.isInteger(Math.log10(loops)) && loops <= 1e9, `${loops} loops`);
  let tried = 0;
  for (let n = 1; n <= loops; n *= 10) tried += n;
  assertEquals(count, tried + 2 * loops);
  // %%timeit: the line is the setup, run once per measurement; the cell is timed
  run("setups = []");
  const cell = run("%%timeit -n 4 -r 2 setups.append(1)\nsetups.append(2)");
  assertStringIncludes(textOf(cell.events), "per loop (mean ± std. dev. of 2 runs, 4 loops each)");
  assertEquals(resultOf(run("setups.count(1), setups.count(2)").events), "(2, 8)");
  // the slow-run warning (and, on a loaded machine, the compiler-time line after it)
  run(
    "import time\nfirst = [True]\ndef slow_once():\n    if first:\n        first.pop()\n        time.sleep(0.05)",
  );
  const warned = textOf(run("%timeit -n 1 -r 3 slow_once()").events);
  assertMatch(
    warned,
    /^The slowest run took \d+\.\d\d times longer than the fastest\. This could mean that an intermediate result is being cached\.\n.* per loop \(mean ± std\. dev\. of 3 runs, 1 loop each\)\n(Compiler time: \d+\.\d\d s\n)?$/,
  );
});

Deno.test("%timeit's TimeitResult prints as IPython's, numbers and all", async () => {
  const cases = [
    [1, 1, [0.5]],
    [10_000_000, 7, [0.21, 0.2, 0.22, 0.205, 0.2, 0.3, 0.25]],
    [1000, 3, [1.5e-3, 1.6e-3, 1.55e-3]],
    [1, 2, [75.0, 61.5]],
    [100, 2, [0.0, 0.0]],
  ];
  const want = await ipython<string[]>(
    `from IPython.core.magics.execution import TimeitResult
result = []
for loops, repeat, runs in data:
    for precision in (3, 5):
        r = TimeitResult(loops, repeat, min(runs) / loops, max(runs) / loops, runs, 0.0, precision)
        result.append(str(r))
result.append(TimeitResult.__module__ + "." + TimeitResult.__name__)`,
    cases,
  );
  const { run } = vmSession();
  run("r0 = %timeit -o -q -n 1 -r 1 pass");
  run("R = type(r0)");
  const got: string[] = [];
  for (const [loops, repeat, runs] of cases) {
    for (const precision of [3, 5]) {
      const made = `R(${loops}, ${repeat}, min(${JSON.stringify(runs)}) / ${loops}, ` +
        `max(${JSON.stringify(runs)}) / ${loops}, ${JSON.stringify(runs)}, 0.0, ${precision})`;
      got.push(resultOf(run(`str(${made})`).events)!.slice(1, -1));
    }
  }
  got.push(resultOf(run("R.__module__ + '.' + R.__name__").events)!.slice(1, -1));
  assertEquals(got, want);
});

Deno.test("%timeit's errors: bad options, bad numbers, syntax, and the timed code's own", () => {
  const { run } = vmSession();
  const usage = run("%timeit -x 1");
  assertEquals(
    textOf(usage.events, "stderr"),
    'UsageError: option -x not recognized ( allowed: "n:r:tcp:qo" )\n',
  );
  assertEquals(run("%timeit -n abc 1").outcome.error?.ename, "ValueError");
  const syntax = run("%timeit 1 +").outcome.error!;
  assertEquals(syntax.ename, "SyntaxError");
  assertStringIncludes(syntax.traceback.join("\n"), '"<magic-timeit-stmt>"');
  assertEquals(run("%timeit -n 1 -r 1 undefined_name").outcome.error?.ename, "NameError");
  assertEquals(run("%timeit").outcome.status, "ok", "nothing to time: nothing done");
});

Deno.test("%xmode, %xdel and %history print what IPython prints", async () => {
  const cells = [
    "%xmode Minimal",
    "1/0",
    "%xmode",
    "%xmode verbose",
    "x = [1, 2]",
    "x",
    "y = x",
    "_",
    "%xdel x",
    "print('x' in dir(), 'y' in dir(), '_' in dir(), sorted(Out), _6 if '_6' in dir() else None)",
    "%xdel nope",
    "%xdel -n y",
    "print('y' in dir())",
    "for i in range(2):\n\tprint(i)",
    "%history -n",
    "%history -n -o 5-8",
    "%hist -p 13-14",
    "%history -t 9 11",
    "%history -g xdel",
    "%history -g print 1-12",
    "%history -l 2",
    "%history ~0/3",
    "%xmode Context",
  ];
  // IPython's own shell, in process, with its history in memory
  const want = await ipython<{ out: string; error: string | null }[]>(
    `import io, os, tempfile, contextlib
os.environ["IPYTHONDIR"] = tempfile.mkdtemp()
from traitlets.config import Config
from IPython.core.interactiveshell import InteractiveShell
config = Config()
config.HistoryManager.hist_file = ":memory:"
shell = InteractiveShell.instance(config=config)
result = []
for cell in data:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        r = shell.run_cell(cell, store_history=True)
    text = out.getvalue()
    if text.startswith("Out["):
        text = ""  # the display hook's prompt: glasspy sends an execute_result instead
    error = r.error_in_exec
    result.append({"out": text, "error": type(error).__name__ if error else None})`,
    cells,
  );
  const { run } = vmSession();
  const got = cells.map((c) => {
    const r = run(c);
    return { out: textOf(r.events), error: r.outcome.error?.ename ?? null };
  });
  // Minimal mode: IPython prints the last line of the error through its own stream
  want[1].out = "";
  assertEquals(got, want);
  // in Minimal mode the error is one line
  const { run: run2 } = vmSession();
  run2("%xmode Minimal");
  assertEquals(run2("1/0").outcome.error?.traceback, ["ZeroDivisionError: division by zero"]);
});

Deno.test("obj?? shows the source inspect.getsource finds, the file, and the bytecode", async () => {
  const cell = `def deco(f):
    return f
def plain(a, b=2):
    "Add things."

    return a + b

@deco
def decorated(n):
    return n

def long_header(first,
                second):
    if first:
        return second
    return first
class Box:
    def method(self, y):
        return y
box = Box()
x = 1`;
  const names = ["plain", "decorated", "long_header", "box.method"];
  const want = await ipython<string[]>(
    `import inspect, linecache, functools
cell, names = data
linecache.cache["<cell In[1]>"] = (len(cell), None, [l + "\\n" for l in cell.splitlines()], "<cell In[1]>")
ns = {}
exec(compile(cell, "<cell In[1]>", "exec"), ns)
result = [inspect.getsource(eval(n, ns)).rstrip("\\n") for n in names]`,
    [cell, names],
    "python3",
  );
  const { s, run } = vmSession();
  run(cell);
  const field = (text: string, title: string) => {
    const m = new RegExp(`^${title}:\\n([\\s\\S]*?)\\n(?=[A-Z][a-z ]*:)`, "m").exec(text);
    return m?.[1];
  };
  for (const [i, name] of names.entries()) {
    const payload = s.execute(`${name}??`).payload[0] as { data: { "text/plain": string } };
    const text = payload.data["text/plain"];
    assertEquals(field(text, "Source"), want[i], name);
    assertStringIncludes(text, "File:      <cell In[1]>");
    assertMatch(text, /\nRefcount: +\d+\nId: +0x[0-9a-f]+\nSize: +\d+ bytes\n/);
  }
  const plain = (s.execute("plain??").payload[0] as { data: { "text/plain": string } }).data;
  const dis = textOf(run("%dis plain").events).replace(/\n+$/, "");
  assertStringIncludes(plain["text/plain"], `Bytecode:\n${dis}\n`);
  // obj? (detail 0): the docstring, no source, no bytecode
  const brief = (s.execute("plain?").payload[0] as { data: { "text/plain": string } }).data;
  assertStringIncludes(brief["text/plain"], "Docstring: Add things.\n");
  assert(!brief["text/plain"].includes("Source:") && !brief["text/plain"].includes("Bytecode:"));
});

Deno.test("a failed cell's frames live in a cycle with IPython's run_code frame until a full collection", () => {
  const { run } = vmSession();
  run(
    "import gc, sys\nclass Tracked:\n    def __del__(self):\n        print('freed')\n" +
      "def boom():\n    local = Tracked()\n    raise ValueError('boom')",
  );
  const failed = run("boom()");
  assertEquals(failed.outcome.status, "error");
  // the traceback shown starts at the cell, as IPython's does; sys.last_traceback starts
  // at the frame that caught the error, which keeps the result that keeps the error
  assertEquals(failed.outcome.error?.traceback[1], '  File "<cell In[2]>", line 1, in <module>');
  assertEquals(
    resultOf(
      run(
        "tb = sys.last_traceback\ntb.tb_frame.f_code.co_name, tb.tb_next.tb_next.tb_frame.f_code.co_name",
      ).events,
    ),
    "('run_code', 'boom')",
  );
  // the error's display ran the young collections: the cycle is in the oldest generation
  assertEquals(
    resultOf(run("[g for g in range(3) if any(o is tb for o in gc.get_objects(g))]").events),
    "[2]",
  );
  // another error replaces sys.last_traceback, and the next cell IPython's last result:
  // the cycle alone keeps the failed frame's locals, until a full collection
  run("del tb\n[][1]");
  assertEquals(textOf(run("gc.collect(1)\nprint('young collected')").events), "young collected\n");
  assertEquals(textOf(run("gc.collect()\nprint('collected')").events), "freed\ncollected\n");
  // with automatic collection off, nothing collects while the error is on show
  run("gc.disable()");
  run("boom()");
  assertEquals(
    resultOf(
      run(
        "tb = sys.last_traceback\n[g for g in range(3) if any(o is tb for o in gc.get_objects(g))]",
      )
        .events,
    ),
    "[0]",
  );
});

Deno.test("%history -f FILE writes what %history prints, asking before it overwrites a file", () => {
  const written = new Map<string, string>();
  const prompts: string[] = [];
  const answers: string[] = [];
  const events: ShellEvent[] = [];
  const s = new Session({
    engine: createEngine,
    emit: (e) => events.push(e),
    readline: (prompt) => {
      prompts.push(prompt);
      return answers.shift() ?? null;
    },
    files: {
      expandUser: (p) => p.replace(/^~(?=\/|$)/, "/home/student"),
      exists: (p) => written.has(p),
      writeText: (p, text) => {
        if (p.startsWith("/nowhere/")) {
          throw new HostRaise("FileNotFoundError", `[Errno 2] No such file or directory: '${p}'`);
        }
        written.set(p, text);
      },
    },
  });
  const run = (code: string, allowStdin = false) => {
    events.length = 0;
    const outcome = s.execute(code, { allowStdin });
    return { outcome, out: textOf(events) };
  };
  run("x = 1");
  run("for i in range(2):\n\tprint(i)");
  const printed = run("%history -n").out;
  assertEquals(run("%history -n -f ~/hist.py 1-3").out, "", "the lines go to the file");
  assertEquals(written.get("/home/student/hist.py"), printed);
  // an existing file: without stdin IPython overwrites it, and says so
  assertEquals(run("%hist -f ~/hist.py 1").out, "Overwriting file.\n");
  assertEquals(written.get("/home/student/hist.py"), "x = 1\n");
  // with stdin it asks until the answer is yes or no
  answers.push("maybe", "N");
  assertEquals(run('%history -f "~/hist.py"', true).out, "Aborting.\n");
  assertEquals(prompts, [
    "File '/home/student/hist.py' exists. Overwrite? ",
    "File '/home/student/hist.py' exists. Overwrite? ",
  ]);
  assertEquals(written.get("/home/student/hist.py"), "x = 1\n");
  answers.push("yes");
  assertEquals(run("%history -f~/hist.py 2", true).out, "Overwriting file.\n");
  assertEquals(written.get("/home/student/hist.py"), "for i in range(2):\n    print(i)\n");
  // open()'s error, and a missing file name
  assertEquals(run("%history -f /nowhere/h.py").outcome.error?.ename, "FileNotFoundError");
  assertEquals(run("%history -f").outcome.status, "error");
  // a session without files says it cannot write one
  const { run: bare } = vmSession();
  const r = bare("%history -f h.py");
  assertEquals(r.outcome.error?.ename, "UsageError");
});
