// Recursion that runs out of JavaScript stack before it reaches the recursion limit
// (objects/stackguard.ts): with sys.setrecursionlimit(100000), recursion through C-level
// calls (a class call, __del__ while unwinding, __getattr__, __repr__, __hash__ and __eq__
// in a dict, a descriptor, generators, sorted's key, map, reduce, nested containers) ends in
// RecursionError, every reference is released once, the frame stack is where it was, and
// the session goes on. CPython 3.11 crashes (SIGSEGV) on most of these programs, so they
// have no oracle: the conformance corpus (tests/conformance/recursion/) has the cases
// CPython answers.

import { assert, assertEquals } from "../assert.ts";
import { glasspy } from "../glasspy.ts";
import { Session } from "../../runtime/shell/session.ts";
import { createEngine } from "../../runtime/shell/vm_engine.ts";
import type { ShellEvent } from "../../runtime/shell/events.ts";

/** Definitions of one recursion for each way C code calls back into Python. */
const DEFINITIONS = `import functools, gc, sys

class Init:
    def __init__(self, n):
        self.next = Init(n - 1) if n else None

class New:
    def __new__(cls, n):
        self = object.__new__(cls)
        self.next = New(n - 1) if n else None
        return self

class Attr:
    def __init__(self, n):
        self.n = n
    def __getattr__(self, name):
        return 0 if self.n == 0 else getattr(Attr(self.n - 1), name)

class Down:
    def __get__(self, obj, owner):
        return 0 if obj.n == 0 else Holder(obj.n - 1).x

class Holder:
    x = Down()
    def __init__(self, n):
        self.n = n

class Rep:
    def __init__(self, n):
        self.n = n
    def __repr__(self):
        return "" if self.n == 0 else repr(Rep(self.n - 1))

class Key:
    def __init__(self, n):
        self.n = n
    def __hash__(self):
        return 0 if self.n == 0 else hash(Key(self.n - 1))
    def __eq__(self, other):
        return self.n == 0 or Key(self.n - 1) in {Key(0): 1}

def gen(n):
    if n == 0:
        yield 0
    else:
        yield from gen(n - 1)

def nxt(n):
    if n == 0:
        yield 0
    else:
        yield next(nxt(n - 1))

def key(n):
    return 0 if n == 0 else sorted([n - 1], key=key)[0]

def via_map(n):
    return 0 if n == 0 else list(map(via_map, [n - 1]))[0]

def via_reduce(n):
    return 0 if n == 0 else functools.reduce(lambda a, b: via_reduce(b), [0, n - 1])

def helper(x):
    return [x]

class Finalized:
    def __del__(self):
        helper(self)

class WithDel:
    def __init__(self, n):
        tmp = Finalized()
        self.next = WithDel(n - 1) if n else None

def nested_list(n):
    a = []
    for _ in range(n):
        a = [a]
    return a

def down(n):
    return 0 if n == 0 else 1 + down(n - 1)

def frame_depth():
    f, n = sys._getframe(), 0
    while f is not None:
        f, n = f.f_back, n + 1
    return n

DEEP = 20000
cases = [
    ("__init__", lambda: Init(DEEP)),
    ("__new__", lambda: New(DEEP)),
    ("__del__", lambda: WithDel(DEEP)),
    ("__getattr__", lambda: Attr(DEEP).name),
    ("__get__", lambda: Holder(DEEP).x),
    ("__repr__", lambda: repr(Rep(DEEP))),
    ("__hash__", lambda: hash(Key(DEEP))),
    ("__eq__", lambda: Key(DEEP) in {Key(0): 1}),
    ("yield from", lambda: next(gen(DEEP))),
    ("next", lambda: next(nxt(DEEP))),
    ("sorted key", lambda: key(DEEP)),
    ("map", lambda: via_map(DEEP)),
    ("reduce", lambda: via_reduce(DEEP)),
    ("list repr", lambda: repr(nested_list(DEEP))),
    ("list ==", lambda: nested_list(DEEP) == nested_list(DEEP)),
]
watched = (Init, New, WithDel, Finalized, Attr, Holder, Rep, Key, gen, nxt, key, via_map, via_reduce)
def counts():
    return [sys.getrefcount(o) for o in watched]
`;

/** Runs every case (each must raise RecursionError), then checks nothing was left over. */
const RUN_CASES = `counts_before = counts()
frames_before = frame_depth()
sys.setrecursionlimit(100000)
for name, case in cases:
    try:
        case()
        print(name, "returned")
    except RecursionError as e:
        print(name, str(e).startswith("maximum recursion depth exceeded"))
sys.setrecursionlimit(1000)
print("counts", counts() == counts_before)
print("frames", frame_depth() == frames_before)
print("collect", gc.collect() >= 0)
print(down(900), Init(50).next is not None, repr(Rep(3)), hash(Key(5)))
`;

const CASE_NAMES = [
  "__init__",
  "__new__",
  "__del__",
  "__getattr__",
  "__get__",
  "__repr__",
  "__hash__",
  "__eq__",
  "yield from",
  "next",
  "sorted key",
  "map",
  "reduce",
  "list repr",
  "list ==",
];
const EXPECTED = CASE_NAMES.map((n) => `${n} True\n`).join("") +
  "counts True\nframes True\ncollect True\n900 True  0\n";

Deno.test("a session survives recursion past the JavaScript stack through every kind of C-level call", () => {
  // deno test's stack is V8's default (about 1 MB), a quarter of glasspy's processes'
  const events: ShellEvent[] = [];
  const s = new Session({ engine: createEngine, emit: (e) => events.push(e) });
  const stdout = () =>
    events.filter((e) => e.type === "stream" && e.name === "stdout")
      .map((e) => (e as { text: string }).text).join("");
  const run = (code: string) => {
    events.length = 0;
    const outcome = s.execute(code);
    assertEquals(outcome.error, undefined, code);
    return stdout();
  };
  run(DEFINITIONS);
  assertEquals(run(RUN_CASES), EXPECTED);
  // uncaught, the overflow is a RecursionError cell error with a Python traceback
  events.length = 0;
  const outcome = s.execute("sys.setrecursionlimit(100000)\nInit(DEEP)");
  assertEquals(outcome.error?.ename, "RecursionError");
  assert(outcome.error!.evalue.startsWith("maximum recursion depth exceeded"));
  const tb = outcome.error!.traceback.join("\n");
  assert(!/internal error|\.ts:\d+/.test(tb), tb);
  // and the session is whole: the same cases again, the same answers
  assertEquals(run("sys.setrecursionlimit(1000)\n" + RUN_CASES), EXPECTED);
  assertEquals(run("print(sys.getrecursionlimit(), down(500))"), "1000 500\n");
});

Deno.test("./glasspy run: recursion past the JavaScript stack leaves a heap whose every count is right", async () => {
  const dir = await Deno.makeTempDir({ prefix: "glasspy-stackguard-" });
  try {
    Deno.writeTextFileSync(`${dir}/overflow.py`, DEFINITIONS + RUN_CASES);
    const r = await glasspy(["run", "overflow.py"], {
      cwd: dir,
      env: { GLASSPY_AUDIT: `${dir}/audit.json` },
    });
    assertEquals([r.stdout, r.stderr, r.code], [EXPECTED, "", 0]);
    const audit = JSON.parse(Deno.readTextFileSync(`${dir}/audit.json`));
    assertEquals(audit.problems, []);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
