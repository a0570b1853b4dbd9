import { assert, assertEquals, assertStringIncludes } from "../assert.ts";
import { glasspy, repoRoot } from "../glasspy.ts";
import { launcher } from "../../kernel/kernelspec.ts";

Deno.test("install --prefix writes a kernel.json that starts this checkout's kernel", async () => {
  const prefix = await Deno.makeTempDir();
  try {
    const r = await glasspy(["install", "--prefix", prefix]);
    assertEquals(r.code, 0, r.stderr);
    const spec = JSON.parse(
      await Deno.readTextFile(`${prefix}/share/jupyter/kernels/glasspy/kernel.json`),
    );
    assertEquals(spec.display_name, "Python 3.11 (glasspy)");
    assertEquals(spec.language, "python");
    assertEquals(spec.interrupt_mode, "message");
    // through the launcher that listens on the ports first, where it runs (Linux, Perl)
    const first = launcher();
    assertEquals(spec.argv.slice(0, first.length + 1), [...first, Deno.execPath()]);
    if (Deno.build.os === "linux") {
      assertEquals(first, [`/usr/bin/perl`, `${repoRoot}kernel/launcher.pl`]);
    }
    // mod.ts, as the issue has it: the command line's kernel verb
    assertEquals(spec.argv.slice(-4), [
      `${repoRoot}mod.ts`,
      "kernel",
      "--connection-file",
      "{connection_file}",
    ]);
    for (const logo of ["logo-32x32.png", "logo-64x64.png", "logo-svg.svg"]) {
      const info = await Deno.stat(`${prefix}/share/jupyter/kernels/glasspy/${logo}`);
      assert(info.size > 100, `${logo} is installed`);
    }
  } finally {
    await Deno.remove(prefix, { recursive: true });
  }
});

Deno.test("install --user honours JUPYTER_DATA_DIR, and --name renames the kernel", async () => {
  const data = await Deno.makeTempDir();
  try {
    const r = await glasspy(["install", "--user", "--name", "glasspy-test"], {
      env: { JUPYTER_DATA_DIR: data },
    });
    assertEquals(r.code, 0, r.stderr);
    await Deno.stat(`${data}/kernels/glasspy-test/kernel.json`);
  } finally {
    await Deno.remove(data, { recursive: true });
  }
});

Deno.test("install rejects an unknown option and a bad kernel name", async () => {
  assertEquals((await glasspy(["install", "--sys-wide"])).code, 2);
  const r = await glasspy(["install", "--name", "no/slash"]);
  assertEquals(r.code, 2);
  assertStringIncludes(r.stderr, "not a valid kernel name");
});

Deno.test("Jupyter's own kernelspec list finds the installed kernelspec", async () => {
  const prefix = await Deno.makeTempDir();
  try {
    assertEquals((await glasspy(["install", "--prefix", prefix])).code, 0);
    const out = await new Deno.Command("/usr/bin/python3", {
      args: ["-m", "jupyter_client.kernelspecapp", "list", "--json"],
      env: { JUPYTER_PATH: `${prefix}/share/jupyter` },
      stdout: "piped",
      stderr: "piped",
    }).output();
    assertEquals(out.code, 0, new TextDecoder().decode(out.stderr));
    const specs = JSON.parse(new TextDecoder().decode(out.stdout)).kernelspecs;
    assertEquals(specs.glasspy.spec.display_name, "Python 3.11 (glasspy)");
    // the logos sit in the resource directory jupyter_client reports
    await Deno.stat(`${specs.glasspy.resource_dir}/logo-64x64.png`);
  } finally {
    await Deno.remove(prefix, { recursive: true });
  }
});
