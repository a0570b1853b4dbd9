// The main job stops as a whole: a SIGTERM to the command (as a service manager or `kill`
// sends it) stops the Jupyter Notebook server it started, instead of leaving it running.

import { assert } from "../assert.ts";
import { repoRoot } from "../glasspy.ts";
import { lessonsHome } from "./jupyter_home.ts";

Deno.test({
  name: "SIGTERM to `mod.ts notebook` stops its Jupyter server too",
  sanitizeResources: false,
  sanitizeOps: false,
  fn: async () => {
    const home = await lessonsHome();
    const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
    const port = (listener.addr as Deno.NetAddr).port;
    listener.close();
    const token = crypto.randomUUID().replaceAll("-", "");
    const status = `http://127.0.0.1:${port}/api/status?token=${token}`;
    const child = new Deno.Command(Deno.execPath(), {
      args: [
        "run",
        "-A",
        "--quiet",
        `--config=${repoRoot}deno.json`,
        `${repoRoot}mod.ts`,
        "notebook",
        "--no-browser",
        `--port=${port}`,
        "--port-retries=0",
        "--ip=127.0.0.1",
        `--NotebookApp.token=${token}`,
      ],
      cwd: repoRoot,
      env: home.env,
      stdin: "null",
      stdout: "null",
      stderr: "null",
    }).spawn();
    const answers = async () => {
      try {
        const r = await fetch(status);
        await r.body?.cancel();
        return r.ok;
      } catch {
        return false;
      }
    };
    try {
      const deadline = Date.now() + 60_000;
      while (!(await answers())) {
        assert(Date.now() < deadline, "Jupyter Notebook did not start");
        await new Promise((ok) => setTimeout(ok, 200));
      }
      child.kill("SIGTERM");
      await child.status;
      // the server was the command's child: it must be gone too, within a few seconds
      const gone = Date.now() + 10_000;
      while (await answers()) {
        assert(Date.now() < gone, "the Jupyter server still answers after its command stopped");
        await new Promise((ok) => setTimeout(ok, 200));
      }
    } finally {
      try {
        child.kill("SIGKILL");
      } catch {
        // ended
      }
      await home.cleanup();
    }
  },
});
