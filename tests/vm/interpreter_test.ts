// The Interpreter as hosts use it: scripts with their output, exit statuses and error
// reports, input, interrupts, and code run in __main__.

import { assert, assertEquals, assertStringIncludes } from "../assert.ts";
import { Interpreter, PythonError } from "../../runtime/vm/interpreter.ts";
import { CaptureHost } from "./capture_host.ts";

function script(source: string, lines: string[] = []) {
  const host = new CaptureHost(lines);
  const interp = new Interpreter(host, ["prog.py"], {
    readSource: (f) => (f === "prog.py" ? source : null),
  });
  const { code } = interp.runScript("prog.py", source);
  return { code, stdout: host.stdout, stderr: host.stderr, prompts: host.prompts };
}

Deno.test("a script prints through the host and exits 0", () => {
  const r = script("print('a', 1, 2.5, None, [1, (2,)], sep='|')\nprint({'k': {3}})\n");
  assertEquals(r, {
    code: 0,
    stdout: "a|1|2.5|None|[1, (2,)]\n{'k': {3}}\n",
    stderr: "",
    prompts: [],
  });
});

Deno.test("an uncaught exception prints CPython's traceback and exits 1", () => {
  const r = script("def f(x):\n    return 1 / x\n\nf(0)\n");
  assertEquals(r.code, 1);
  assertEquals(
    r.stderr,
    'Traceback (most recent call last):\n  File "prog.py", line 4, in <module>\n    f(0)\n' +
      '  File "prog.py", line 2, in f\n    return 1 / x\n           ~~^~~\n' +
      "ZeroDivisionError: division by zero\n",
  );
});

Deno.test("SystemExit gives its code; a message goes to stderr with status 1", () => {
  assertEquals(script("import sys\nsys.exit(3)\n").code, 3);
  assertEquals(script("raise SystemExit(-1)\n").code, 255);
  assertEquals(script("raise SystemExit\n").code, 0);
  const r = script("import sys\nsys.exit('bye')\n");
  assertEquals([r.code, r.stderr], [1, "bye\n"]);
});

Deno.test("input() reads the host's lines and raises EOFError at the end", () => {
  const r = script(
    "a = input('first: ')\nprint(a.upper())\ntry:\n    input()\nexcept EOFError as e:\n    print('eof', e)\n",
    ["hello"],
  );
  assertEquals(r.stdout, "first: HELLO\neof EOF when reading a line\n");
  assertEquals(r.prompts, ["first: ", ""]);
});

Deno.test("the host's interrupt flag raises KeyboardInterrupt at the eval breaker", () => {
  const host = new CaptureHost(["line"]);
  const interp = new Interpreter(host, ["prog.py"]);
  // Ctrl-C arrives while input() waits: the next loop iteration raises.
  host.readline = () => {
    host.interrupt[0] = 1;
    return "line";
  };
  const r = interp.runScript(
    "prog.py",
    "try:\n    input()\n    while True:\n        pass\nexcept KeyboardInterrupt:\n    print('caught')\n",
  );
  assertEquals([r.code, host.stdout, host.interrupt[0]], [0, "caught\n", 0]);
});

Deno.test("an uncaught KeyboardInterrupt asks for death by SIGINT", () => {
  const host = new CaptureHost();
  const interp = new Interpreter(host, ["prog.py"]);
  host.interrupt[0] = 1;
  const r = interp.runScript("prog.py", "while True:\n    pass\n");
  assertEquals(r.code, -2);
  assertStringIncludes(host.stderr, "KeyboardInterrupt\n");
});

Deno.test("deep Python recursion ends in RecursionError, not a JavaScript overflow", () => {
  const r = script(
    "import sys\ndef f(n):\n    return f(n + 1)\ntry:\n    f(0)\nexcept RecursionError as e:\n    print(e)\n" +
      "sys.setrecursionlimit(20000)\ndef g(n):\n    return 0 if n == 0 else 1 + g(n - 1)\nprint(g(15000))\n",
  );
  assertEquals(r.stdout, "maximum recursion depth exceeded\n15000\n");
});

Deno.test("code runs in __main__ and results come back as objects", () => {
  const host = new CaptureHost();
  const interp = new Interpreter(host, [""]);
  const code = interp.compile("x = 6 * 7", { filename: "<cell>", mode: "exec" });
  interp.exec(code);
  const expr = interp.compile("[x, 'y']", { filename: "<cell>", mode: "eval" });
  const value = interp.exec(expr);
  assertEquals(interp.repr(value), "[42, 'y']");
  assert(interp.globalNames().includes("x"));
});

Deno.test("a SyntaxError from compile is a PythonError carrying the exception", () => {
  const interp = new Interpreter(new CaptureHost(), [""]);
  try {
    interp.compile("1 +", { filename: "<cell>", mode: "exec" });
    throw new Error("no error");
  } catch (e) {
    assert(e instanceof PythonError);
    assertEquals(
      interp.formatException(e.exception),
      '  File "<cell>", line 1\n    1 +\n       ^\nSyntaxError: invalid syntax\n',
    );
  }
});
