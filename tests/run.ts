// The test command (`deno task test`): runs every suite under tests/ with `deno test`,
// which writes a JUnit report, then prints one line `N passed, N failed` counted from it.
// Arguments go to `deno test` (a file or `--filter NAME` runs a part).

import { summarize } from "./junit.ts";

const root = new URL("../", import.meta.url).pathname;
const reports = `${root}.test-results`;
Deno.mkdirSync(reports, { recursive: true });
const junit = `${reports}/deno.xml`;
try {
  Deno.removeSync(junit);
} catch { /* not there yet */ }

const args = Deno.args.length > 0 ? Deno.args : ["tests/"];
const { code } = await new Deno.Command(Deno.execPath(), {
  args: ["test", "-A", "--parallel", `--junit-path=${junit}`, ...args],
  cwd: root,
  stdin: "null",
  stdout: "inherit",
  stderr: "inherit",
}).output();

let counts;
try {
  counts = summarize(Deno.readTextFileSync(junit));
} catch {
  console.error("tests/run.ts: deno test wrote no JUnit report");
  Deno.exit(code === 0 ? 1 : code);
}
console.log(`${counts.passed} passed, ${counts.failed} failed`);
Deno.exit(code !== 0 || counts.failed > 0 ? 1 : 0);
