import { assertEquals, assertMatch, assertStringIncludes } from "../assert.ts";
import { glasspy } from "../glasspy.ts";

Deno.test("--help lists every command and exits 0", async () => {
  const r = await glasspy(["--help"]);
  assertEquals(r.code, 0);
  for (
    const verb of ["run FILE.py", "repl", "dis FILE.py", "kernel --connection-file", "install"]
  ) {
    assertStringIncludes(r.stdout, verb);
  }
});

Deno.test("--version names glasspy and the Python it answers as", async () => {
  const r = await glasspy(["--version"]);
  assertEquals(r.code, 0);
  assertMatch(r.stdout, /^glasspy \d+\.\d+\.\d+ \(Python 3\.11\.\d+\)\n$/);
});

Deno.test("an unknown command is a usage error with status 2", async () => {
  const r = await glasspy(["frobnicate"]);
  assertEquals(r.code, 2);
  assertEquals(r.stdout, "");
  assertStringIncludes(r.stderr, "unknown command 'frobnicate'");
  assertStringIncludes(r.stderr, "usage:");
});

Deno.test("no command at all prints the usage and exits 2", async () => {
  const r = await glasspy([]);
  assertEquals(r.code, 2);
  assertStringIncludes(r.stdout, "usage:");
});

Deno.test("run without a file is a usage error", async () => {
  const r = await glasspy(["run"]);
  assertEquals(r.code, 2);
  assertStringIncludes(r.stderr, "run needs a FILE.py");
});

Deno.test("run of a missing file says what CPython says, status 2", async () => {
  const r = await glasspy(["run", "no_such_file.py"]);
  assertEquals(r.code, 2);
  assertMatch(
    r.stderr,
    /can't open file '\/.*\/no_such_file\.py': \[Errno 2\] No such file or directory\n$/,
  );
});

Deno.test("a missing file's name is made absolute without normalizing it, as CPython does", async () => {
  // python3 ./sub/../no_such_file.py run in /tmp says '/tmp/./sub/../no_such_file.py'
  const r = await glasspy(["run", "./sub/../no_such_file.py"], { cwd: "/tmp" });
  assertEquals(r.code, 2);
  assertStringIncludes(r.stderr, "can't open file '/tmp/./sub/../no_such_file.py': [Errno 2]");
});

Deno.test("run of a directory without __main__.py says what CPython says, status 1", async () => {
  const dir = await Deno.makeTempDir({ prefix: "glasspy-run-dir-" });
  try {
    await Deno.mkdir(`${dir}/pkg`);
    for (const name of ["pkg", "pkg/", ".", ""]) {
      // the oracle, run here: its message after the program's name, and its status
      const cp = await new Deno.Command("python3", { args: [name], cwd: dir, stdin: "null" })
        .output();
      const expected = new TextDecoder().decode(cp.stderr).replace(/^\S+: /, "");
      const r = await glasspy(["run", name], { cwd: dir });
      assertEquals([r.code, r.stderr.replace(/^glasspy: /, "")], [cp.code, expected], name);
    }
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("running an async generator is a clear NotImplementedError, not a wrong answer", async () => {
  const dir = await Deno.makeTempDir({ prefix: "glasspy-agen-" });
  try {
    await Deno.writeTextFile(
      `${dir}/agen.py`,
      "async def agen():\n    yield 1\n\nasync def use():\n    async for x in agen():\n" +
        "        print(x)\n\nuse().send(None)\n",
    );
    const r = await glasspy(["run", "agen.py"], { cwd: dir });
    assertEquals(r.code, 1);
    assertStringIncludes(
      r.stderr,
      "NotImplementedError: glasspy does not run async generators yet",
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("dis of a missing file answers as dis.py's argparse does", async () => {
  const r = await glasspy(["dis", "no_such_file.py"]);
  assertEquals(r.code, 2);
  assertEquals(
    r.stderr,
    "usage: dis.py [-h] [infile]\n" +
      "dis.py: error: argument infile: can't open 'no_such_file.py': " +
      "[Errno 2] No such file or directory: 'no_such_file.py'\n",
  );
});

Deno.test("kernel without a connection file is a usage error", async () => {
  const r = await glasspy(["kernel"]);
  assertEquals(r.code, 2);
  assertStringIncludes(r.stderr, "--connection-file");
});
