// The kernel over real ZeroMQ sockets, driven by the TypeScript client in client.ts, running
// real Python on glasspy's VM. A few tests of glasspy's own failures (a JavaScript error in
// the engine, a dying worker) inject them with the toy engine, a test double.

import { assert, assertEquals, assertMatch, assertStringIncludes } from "../assert.ts";
import { repoRoot } from "../glasspy.ts";
import { KernelClient, SLOW_ENGINE, TOY_ENGINE } from "./client.ts";
import type { Msg } from "./client.ts";

const types = (msgs: Msg[]) => msgs.map((m) => m.header.msg_type);
const streamText = (msgs: Msg[], name = "stdout") =>
  msgs.filter((m) => m.header.msg_type === "stream" && m.content.name === name)
    .map((m) => m.content.text).join("");

Deno.test("the kernel over ZeroMQ", async (t) => {
  const k = await KernelClient.start();
  try {
    await t.step("kernel_info_reply names glasspy and Python 3.11", async () => {
      const id = await k.send("shell", "kernel_info_request", {});
      const reply = await k.reply(id);
      assertEquals(reply.header.msg_type, "kernel_info_reply");
      assertEquals(reply.header.version, "5.3");
      const c = reply.content as {
        status: string;
        protocol_version: string;
        implementation: string;
        language_info: Record<string, unknown>;
        banner: string;
        help_links: unknown[];
      };
      assertEquals(c.status, "ok");
      assertEquals(c.protocol_version, "5.3");
      assertEquals(c.implementation, "glasspy");
      assertEquals(c.language_info.name, "python");
      assertMatch(String(c.language_info.version), /^3\.11\.\d+$/);
      assertEquals(c.language_info.file_extension, ".py");
      assertEquals(c.language_info.mimetype, "text/x-python");
      assertEquals(c.language_info.nbconvert_exporter, "python");
      assertEquals(c.language_info.pygments_lexer, "ipython3");
      assertEquals(c.language_info.codemirror_mode, { name: "ipython", version: 3 });
      assert(c.banner.includes("glasspy"));
      assert(c.help_links.length > 0);
      assertEquals(types(await k.iopub(id)), ["status", "status"]);
    });

    await t.step(
      "execute: busy, execute_input, output, result, idle; the reply comes first",
      async () => {
        const { id, reply, iopub } = await k.execute("x = 3\nprint('hello, world')\nx * 2");
        assertEquals(reply.content.status, "ok");
        assertEquals(reply.content.execution_count, 1);
        assertEquals(reply.metadata.status, "ok");
        assertEquals(types(iopub), [
          "status",
          "execute_input",
          "stream",
          "execute_result",
          "status",
        ]);
        assertEquals(iopub[0].content, { execution_state: "busy" });
        assertEquals(iopub[1].content, {
          code: "x = 3\nprint('hello, world')\nx * 2",
          execution_count: 1,
        });
        assertEquals(iopub[2].content, { name: "stdout", text: "hello, world\n" });
        assertEquals(iopub[3].content, {
          execution_count: 1,
          data: { "text/plain": "6" },
          metadata: {},
        });
        for (const m of iopub) assertEquals(m.parent_header.msg_id, id);
        // the reply was received before the idle status
        const all = k.inbox.iopub.all;
        const idleAt = all.findIndex((m) =>
          m.parent_header.msg_id === id && m.content.execution_state === "idle"
        );
        assert(idleAt >= 0);
        assert(iopub[0].prefix[0].startsWith("kernel."), "iopub topics are kernel.<id>.<type>");
      },
    );

    await t.step("stream output is batched, not one message per print", async () => {
      const code = Array.from({ length: 50 }, (_, i) => `print(${i})`).join("\n");
      const { iopub } = await k.execute(code);
      const streams = iopub.filter((m) => m.header.msg_type === "stream");
      assert(streams.length < 5, `${streams.length} stream messages for 50 prints`);
      assertEquals(streamText(iopub), Array.from({ length: 50 }, (_, i) => `${i}\n`).join(""));
    });

    await t.step("stderr is its own stream", async () => {
      const { iopub } = await k.execute("import sys\nprint('oops', file=sys.stderr)");
      assertEquals(streamText(iopub, "stderr"), "oops\n");
    });

    await t.step(
      "an error: error on iopub, status error in the reply with ename/evalue/traceback",
      async () => {
        const { reply, iopub } = await k.execute("1/0");
        assertEquals(reply.content.status, "error");
        assertEquals(reply.content.ename, "ZeroDivisionError");
        assertEquals(reply.content.evalue, "division by zero");
        assert(Array.isArray(reply.content.traceback));
        assertEquals(reply.metadata.status, "error");
        const err = iopub.find((m) => m.header.msg_type === "error")!;
        assertEquals(err.content.ename, "ZeroDivisionError");
        assertEquals(
          (err.content.traceback as string[]).at(-1),
          "ZeroDivisionError: division by zero",
        );
      },
    );

    await t.step(
      "execution_count: silent cells and store_history=false do not take a count",
      async () => {
        const before = (await k.execute("1")).reply.content.execution_count as number;
        const silent = await k.execute("2", { silent: true });
        assertEquals(types(silent.iopub), ["status", "status"]);
        assertEquals(silent.reply.content.execution_count, before);
        const unstored = await k.execute("3", { store_history: false });
        assertEquals(unstored.iopub[1].content.execution_count, before + 1);
        assertEquals(unstored.reply.content.execution_count, before);
        assertEquals((await k.execute("4")).reply.content.execution_count, before + 1);
      },
    );

    await t.step("user_expressions are evaluated and returned as bundles", async () => {
      const { reply } = await k.execute("y = 10", { user_expressions: { twice: "y * 2" } });
      assertEquals(reply.content.user_expressions, {
        twice: { status: "ok", data: { "text/plain": "20" }, metadata: {} },
      });
    });

    await t.step(
      "stop_on_error aborts the execute requests queued behind a failing one",
      async () => {
        const first = await k.send("shell", "execute_request", {
          // a while of work, then the error (the queued requests are in by then)
          code: "for i in range(3_000_000):\n    pass\n1/0",
          silent: false,
          store_history: true,
          user_expressions: {},
          allow_stdin: false,
          stop_on_error: true,
        });
        const queued = [];
        for (let i = 0; i < 2; i++) {
          queued.push(
            await k.send("shell", "execute_request", {
              code: `aborted_${i} = 1`,
              silent: false,
              store_history: true,
              user_expressions: {},
              allow_stdin: false,
            }),
          );
        }
        assertEquals((await k.reply(first)).content.status, "error");
        for (const id of queued) {
          const r = await k.reply(id);
          assertEquals(r.content, { status: "aborted" });
          assertEquals(r.metadata.status, "aborted");
          assertEquals(types(await k.iopub(id)), ["status", "status"]);
        }
        const after = await k.execute("aborted_0");
        assertEquals(after.reply.content.ename, "NameError", "the aborted cells never ran");
        const again = await k.execute("7");
        assertEquals(again.reply.content.status, "ok", "later requests run again");
      },
    );

    await t.step(
      "stop_on_error: requests that arrived while the failing cell ran are aborted, " +
        "one sent after its reply runs",
      async () => {
        // the shell socket is read between requests only: these two wait unread in it
        const first = await k.send("shell", "execute_request", {
          code: "import time\ntime.sleep(0.4)\n1/0",
          silent: false,
          stop_on_error: true,
        });
        await new Promise((r) => setTimeout(r, 100));
        const behind = [
          await k.send("shell", "execute_request", { code: "unread_0 = 1", silent: false }),
          await k.send("shell", "execute_request", { code: "unread_1 = 1", silent: false }),
        ];
        assertEquals((await k.reply(first)).content.status, "error");
        // sent the moment the error reply is in: after it, so not aborted
        const next = await k.send("shell", "execute_request", { code: "sent_after = 1" });
        for (const id of behind) assertEquals((await k.reply(id)).content.status, "aborted");
        assertEquals((await k.reply(next)).content.status, "ok");
        assertEquals((await k.execute("unread_0")).reply.content.ename, "NameError");
      },
    );

    await t.step(
      "an interrupt sent as soon as a cell shows busy stops that cell (kernel idle)",
      async () => {
        for (let i = 0; i < 3; i++) {
          // the interrupt waits only for the cell's busy: sent sooner, it could overtake the
          // cell on its way (another socket) and be dropped, as ipykernel drops an interrupt
          // that finds no cell
          const id = await k.send("shell", "execute_request", {
            code: "while True:\n    pass",
            silent: false,
          });
          await busy(k, id);
          const ir = await k.send("control", "interrupt_request", {});
          assertEquals((await k.reply(ir, "control")).content.status, "ok");
          const reply = await k.reply(id, "shell", 5000);
          assertEquals(reply.content.ename, "KeyboardInterrupt");
          assertEquals((await k.execute(`${i} + 1`)).reply.content.status, "ok");
        }
      },
    );

    await t.step(
      "an interrupt stops the cell, not the requests queued before it",
      async () => {
        // kernel_info and is_complete go first, then the cell; the interrupt follows the
        // cell's busy (see above)
        const info = await k.send("shell", "kernel_info_request", {});
        const check = await k.send("shell", "is_complete_request", { code: "x = 1" });
        const id = await k.send("shell", "execute_request", {
          code: "while True:\n    pass",
          silent: false,
        });
        await busy(k, id);
        await k.reply(await k.send("control", "interrupt_request", {}), "control");
        assertEquals((await k.reply(info)).content.status, "ok");
        assertEquals((await k.reply(check)).content.status, "complete");
        assertEquals((await k.reply(id, "shell", 5000)).content.ename, "KeyboardInterrupt");
      },
    );

    await t.step("stop_on_error=false lets the queue run on", async () => {
      const first = await k.send("shell", "execute_request", {
        code: "1/0",
        silent: false,
        store_history: true,
        user_expressions: {},
        allow_stdin: false,
        stop_on_error: false,
      });
      const second = await k.send("shell", "execute_request", { code: "ran = 1", silent: false });
      assertEquals((await k.reply(first)).content.status, "error");
      assertEquals((await k.reply(second)).content.status, "ok");
    });

    await t.step(
      "interrupt_request stops `while True: pass` within 2 s; the heap survives",
      async () => {
        await k.execute("kept = 'still here'");
        const id = await k.send("shell", "execute_request", {
          code: "while True:\n    pass",
          silent: false,
        });
        await new Promise((r) => setTimeout(r, 300));
        const hb = await k.heartbeat();
        assert(hb < 1000, `heartbeat answered in ${hb} ms while the cell runs`);
        const t0 = performance.now();
        const ir = await k.send("control", "interrupt_request", {});
        assertEquals((await k.reply(ir, "control")).content.status, "ok");
        const reply = await k.reply(id, "shell", 5000);
        const took = performance.now() - t0;
        assert(took < 2000, `interrupted after ${took} ms`);
        assertEquals(reply.content.status, "error");
        assertEquals(reply.content.ename, "KeyboardInterrupt");
        const after = await k.execute("kept");
        assertEquals(
          after.iopub.find((m) => m.header.msg_type === "execute_result")?.content.data,
          {
            "text/plain": "'still here'",
          },
        );
      },
    );

    await t.step("SIGINT interrupts the running cell too", async () => {
      const id = await k.send("shell", "execute_request", {
        code: "while True:\n    pass",
        silent: false,
      });
      await new Promise((r) => setTimeout(r, 300));
      k.child.kill("SIGINT");
      const reply = await k.reply(id, "shell", 5000);
      assertEquals(reply.content.ename, "KeyboardInterrupt");
      assertEquals((await k.execute("1")).reply.content.status, "ok");
    });

    await t.step("an interrupt while idle does not hit the next cell", async () => {
      const ir = await k.send("control", "interrupt_request", {});
      await k.reply(ir, "control");
      assertEquals((await k.execute("2")).reply.content.status, "ok");
    });

    await t.step(
      "input(): input_request on stdin to the asking client, the reply goes in",
      async () => {
        const id = await k.send("shell", "execute_request", {
          code: "name = input('Your name: ')\nname",
          silent: false,
          allow_stdin: true,
        });
        const req = await k.inbox.stdin.next(
          (m) => m.header.msg_type === "input_request",
          5000,
          "input_request",
        );
        assertEquals(req.content, { prompt: "Your name: ", password: false });
        assertEquals(req.parent_header.msg_id, id);
        await k.send("stdin", "input_reply", { value: "Ada ✓" });
        const reply = await k.reply(id);
        assertEquals(reply.content.status, "ok");
        const result = (await k.iopub(id)).find((m) => m.header.msg_type === "execute_result");
        assertEquals(result?.content.data, { "text/plain": "'Ada ✓'" });
      },
    );

    await t.step("getpass asks with password=true", async () => {
      const id = await k.send("shell", "execute_request", {
        code: "import getpass\npw = getpass.getpass()",
        silent: false,
        allow_stdin: true,
      });
      const req = await k.inbox.stdin.next(
        (m) => m.parent_header.msg_id === id,
        5000,
        "input_request",
      );
      assertEquals(req.content.password, true);
      await k.send("stdin", "input_reply", { value: "hunter2" });
      assertEquals((await k.reply(id)).content.status, "ok");
    });

    await t.step("an interrupt while input() waits ends it with KeyboardInterrupt", async () => {
      const id = await k.send("shell", "execute_request", {
        code: "input()",
        silent: false,
        allow_stdin: true,
      });
      await k.inbox.stdin.next((m) => m.parent_header.msg_id === id, 5000, "input_request");
      const ir = await k.send("control", "interrupt_request", {});
      await k.reply(ir, "control");
      const reply = await k.reply(id);
      assertEquals(reply.content.ename, "KeyboardInterrupt");
      assertEquals(reply.content.evalue, "Interrupted by user");
      assertEquals((await k.execute("3")).reply.content.status, "ok");
    });

    await t.step("input() without allow_stdin raises StdinNotImplementedError", async () => {
      const { reply } = await k.execute("input()", { allow_stdin: false });
      assertEquals(reply.content.ename, "StdinNotImplementedError");
    });

    await t.step("complete, inspect and is_complete", async () => {
      await k.execute("prefix_alpha = 1\nprefix_beta = 2");
      const c = await k.reply(
        await k.send("shell", "complete_request", { code: "x = prefix_", cursor_pos: 11 }),
      );
      assertEquals(c.content, {
        status: "ok",
        matches: ["prefix_alpha", "prefix_beta"],
        cursor_start: 4,
        cursor_end: 11,
        metadata: {},
      });
      await k.execute("def area(w, h=1):\n    'The area of a w by h rectangle.'\n    return w * h");
      const i = await k.reply(
        await k.send("shell", "inspect_request", { code: "area(", cursor_pos: 5, detail_level: 0 }),
      );
      assertEquals(i.content.found, true);
      const page = (i.content.data as Record<string, string>)["text/plain"];
      for (
        const part of [
          "Signature: area(w, h=1)",
          "The area of a w by h rectangle.",
          "Refcount:",
          "Id:",
          "Size:",
        ]
      ) {
        assertStringIncludes(page, part);
      }
      const missing = await k.reply(
        await k.send("shell", "inspect_request", { code: "nothing_here", cursor_pos: 3 }),
      );
      assertEquals(missing.content.found, false);
      const states: Record<string, unknown> = {};
      for (const code of ["x = 1", "for i in range(3):", "x = (1,", "1)"]) {
        const r = await k.reply(await k.send("shell", "is_complete_request", { code }));
        states[code] = r.content;
      }
      assertEquals(states, {
        "x = 1": { status: "complete" },
        "for i in range(3):": { status: "incomplete", indent: "    " },
        "x = (1,": { status: "incomplete", indent: "" },
        "1)": { status: "invalid" },
      });
    });

    await t.step("history: tail, range and search", async () => {
      await k.execute("hist_marker = 1");
      await k.execute("hist_marker");
      const tail = await k.reply(
        await k.send("shell", "history_request", {
          hist_access_type: "tail",
          n: 2,
          output: false,
          raw: true,
        }),
      );
      const entries = tail.content.history as [number, number, string][];
      assertEquals(entries.map((e) => e[2]), ["hist_marker = 1", "hist_marker"]);
      const [session, line] = entries[0];
      const range = await k.reply(
        await k.send("shell", "history_request", {
          hist_access_type: "range",
          session,
          start: line,
          stop: line + 1,
          output: false,
          raw: true,
        }),
      );
      assertEquals(range.content.history, [[session, line, "hist_marker = 1"]]);
      const withOutput = await k.reply(
        await k.send("shell", "history_request", {
          hist_access_type: "tail",
          n: 1,
          output: true,
          raw: true,
        }),
      );
      assertEquals((withOutput.content.history as unknown[][])[0][2], ["hist_marker", "1"]);
      const search = await k.reply(
        await k.send("shell", "history_request", {
          hist_access_type: "search",
          pattern: "hist_mark*",
          output: false,
          raw: true,
          unique: true,
        }),
      );
      assertEquals((search.content.history as unknown[][]).map((e) => e[2]), [
        "hist_marker = 1",
        "hist_marker",
      ]);
    });

    await t.step("IPython.display: display objects, display ids, update and clear", async () => {
      const a = await k.execute(
        "from IPython.display import HTML, Markdown, display, clear_output\n" +
          "h = display(Markdown('# title'), display_id=True)\nh",
      );
      const shown = a.iopub.find((m) => m.header.msg_type === "display_data")!;
      assertEquals(shown.content.data, {
        "text/markdown": "# title",
        "text/plain": "<IPython.core.display.Markdown object>",
      });
      const displayId = (shown.content.transient as { display_id: string }).display_id;
      assert(displayId.length > 0);
      const result = a.iopub.find((m) => m.header.msg_type === "execute_result")!;
      assertEquals(result.content.data, {
        "text/plain": `<DisplayHandle display_id=${displayId}>`,
      });
      const b = await k.execute("h.update(HTML('<i>new</i>'))\nclear_output(wait=True)");
      const updated = b.iopub.find((m) => m.header.msg_type === "update_display_data")!;
      assertEquals(updated.content.transient, { display_id: displayId });
      assertEquals((updated.content.data as Record<string, string>)["text/html"], "<i>new</i>");
      assertEquals(b.iopub.find((m) => m.header.msg_type === "clear_output")?.content, {
        wait: true,
      });
    });

    await t.step("comm_info_reply lists no comms", async () => {
      const r = await k.reply(await k.send("shell", "comm_info_request", {}));
      assertEquals(r.content, { status: "ok", comms: {} });
    });

    await t.step(
      "a message with a bad signature is dropped with a log line and no reply",
      async () => {
        const { id, parts } = k.frames("kernel_info_request", {});
        const enc = new TextEncoder();
        await k.sendFrames("shell", [
          enc.encode("<IDS|MSG>"),
          enc.encode("0".repeat(64)),
          ...parts,
        ]);
        let replied = true;
        await k.reply(id, "shell", 700).catch(() => (replied = false));
        assertEquals(replied, false);
        assertStringIncludes(k.stderr, "signature does not verify");
      },
    );

    await t.step(
      "a signed message replayed is dropped, on its own channel or another",
      async () => {
        const { id, parts } = k.frames("execute_request", { code: "replayed_runs += 1" });
        const enc = new TextEncoder();
        const sign = (p: Uint8Array[]) =>
          (k as unknown as { sign(p: Uint8Array[]): string }).sign(p);
        const frames = [enc.encode("<IDS|MSG>"), enc.encode(sign(parts)), ...parts];
        await k.execute("replayed_runs = 0");
        await k.sendFrames("shell", frames);
        assertEquals((await k.reply(id)).content.status, "ok");
        // the same frames again, on shell (the worker's socket) and on control (the main
        // thread's): neither answers them, nor runs the cell a second time
        await k.sendFrames("shell", frames);
        await k.sendFrames("control", frames);
        for (const channel of ["shell", "control"] as const) {
          let replied = true;
          await k.reply(id, channel, 700).catch(() => (replied = false));
          assertEquals(replied, false, `a reply on ${channel} to the replayed message`);
        }
        const { iopub } = await k.execute("replayed_runs");
        const result = iopub.find((m) => m.header.msg_type === "execute_result");
        assertEquals(result?.content.data, { "text/plain": "1" });
        assertStringIncludes(k.stderr, "already used (a replay)");
      },
    );

    await t.step("an unsigned message on a signed connection is dropped", async () => {
      const { id, parts } = k.frames("kernel_info_request", {});
      const enc = new TextEncoder();
      await k.sendFrames("shell", [enc.encode("<IDS|MSG>"), enc.encode(""), ...parts]);
      let replied = true;
      await k.reply(id, "shell", 700).catch(() => (replied = false));
      assertEquals(replied, false);
    });

    await t.step("garbled frames are survived; bad content gets an error reply", async () => {
      const enc = new TextEncoder();
      await k.sendFrames("shell", [enc.encode("no delimiter at all")]);
      await k.sendFrames("shell", [enc.encode("<IDS|MSG>"), enc.encode("x")]);
      await k.sendFrames("control", [new Uint8Array([0xff, 0xfe, 0x00]), enc.encode("<IDS|MSG>")]);
      // a well-signed message whose content is not JSON: an execute_reply with status error
      const { id, parts } = k.frames("execute_request", {});
      parts[3] = enc.encode("{not json");
      const sig = (k as unknown as { sign(p: Uint8Array[]): string }).sign(parts);
      await k.sendFrames("shell", [enc.encode("<IDS|MSG>"), enc.encode(sig), ...parts]);
      const reply = await k.reply(id);
      assertEquals(reply.header.msg_type, "execute_reply");
      assertEquals(reply.content.status, "error");
      // content that is JSON but lacks fields
      const missing = await k.send("shell", "execute_request", { silent: false });
      assertEquals((await k.reply(missing)).content.status, "error");
      // and the kernel still works
      assertEquals((await k.execute("'alive'")).reply.content.status, "ok");
      assert((await k.heartbeat()) < 1000);
    });

    await t.step("kernel_info on control is answered while a cell runs", async () => {
      const id = await k.send("shell", "execute_request", {
        code: "while True:\n    pass",
        silent: false,
      });
      await new Promise((r) => setTimeout(r, 200));
      const t0 = performance.now();
      const info = await k.reply(await k.send("control", "kernel_info_request", {}), "control");
      assert(performance.now() - t0 < 500, "control answered at once");
      assertEquals(info.content.implementation, "glasspy");
      await k.reply(await k.send("control", "interrupt_request", {}), "control");
      assertEquals((await k.reply(id)).content.ename, "KeyboardInterrupt");
    });
  } finally {
    await k.stop();
  }
});

Deno.test("a request sent before the kernel listens is answered, once and only once", async () => {
  // the client connects and sends at once, as jupyter_client does after starting a kernel
  const k = await KernelClient.start({ noWait: true });
  try {
    const id = await k.send("shell", "kernel_info_request", {});
    const reply = await k.reply(id, "shell", 20_000);
    assertEquals(reply.content.implementation, "glasspy");
  } finally {
    await k.stop();
  }
});

/** Waits for the busy status of request `id` on iopub: the kernel has taken it. */
async function busy(k: KernelClient, id: string): Promise<void> {
  await k.inbox.iopub.next(
    (m) => m.parent_header.msg_id === id && m.content.execution_state === "busy",
    10_000,
    "the cell's busy",
  );
}

Deno.test("a cell taken while the session still loads shows its busy, and an interrupt stops it", async () => {
  // the session's engine takes 1.5 s to load, and the cell waits for it. Its busy goes out at
  // once. The interrupt is sent once the kernel shows it has the cell: sent sooner, it could
  // overtake the cell on its way (another socket), and it would rightly be dropped, as
  // ipykernel drops an interrupt that finds no cell
  const trace = await Deno.makeTempFile({ prefix: "glasspy-trace-" });
  const k = await KernelClient.start({ engine: SLOW_ENGINE, env: { GLASSPY_TRACE: trace } });
  let stopped = false;
  try {
    const id = await k.send("shell", "execute_request", {
      code: "while True:\n    pass",
      silent: false,
    });
    await busy(k, id);
    const busyAt = performance.timeOrigin + performance.now();
    await k.reply(await k.send("control", "interrupt_request", {}), "control");
    const reply = await k.reply(id, "shell", 20_000);
    assertEquals(reply.content.ename, "KeyboardInterrupt");
    assertEquals((await k.execute("1 + 1")).reply.content.status, "ok");
    stopped = true;
    assertEquals((await k.stop()).code, 0);
    // the kernel's own notes (kernel/trace.ts): when its worker had the session ready
    const notes = (await Deno.readTextFile(trace)).trim().split("\n").map((l) => JSON.parse(l));
    const ready = notes.find((n) => n[1] === "worker" && n[2] === "session_started");
    assert(ready !== undefined, "the worker noted when the session started");
    assert(busyAt < ready[0], `the busy came ${busyAt - ready[0]} ms after the session loaded`);
  } finally {
    if (!stopped) await k.stop();
    await Deno.remove(trace);
  }
});

Deno.test("shutdown_request: the reply, the broadcast on iopub, then the process exits 0", async () => {
  const k = await KernelClient.start();
  const id = await k.send("control", "shutdown_request", { restart: true });
  const reply = await k.reply(id, "control");
  assertEquals(reply.content, { status: "ok", restart: true });
  const broadcast = await k.inbox.iopub.next(
    (m) => m.header.msg_type === "shutdown_reply",
    2000,
    "shutdown_reply on iopub",
  );
  assertEquals(broadcast.content.restart, true);
  const status = await k.child.status;
  assertEquals(status.code, 0);
  await k.stop();
});

Deno.test("exit() in a cell: the reply, then the process exits 0, as ipykernel's exit does", async () => {
  const k = await KernelClient.start();
  try {
    const kept = await k.execute("exit(keep_kernel=True)");
    assertEquals(kept.reply.content.payload, [{ source: "ask_exit", keepkernel: true }]);
    assertEquals((await k.execute("1 + 1")).reply.content.status, "ok", "keep_kernel keeps it");
    // a line that is only `exit` calls it, as IPython's autocall does
    const { reply } = await k.execute("exit");
    assertEquals(reply.content.status, "ok");
    assertEquals(reply.content.payload, [{ source: "ask_exit", keepkernel: false }]);
    assertEquals((await k.child.status).code, 0);
  } finally {
    await k.stop();
  }
});

Deno.test("an unsigned kernel (empty key) over tcp works", async () => {
  const k = await KernelClient.start({ key: "", transport: "tcp" });
  try {
    assertEquals((await k.execute("1 + 1")).reply.content.status, "ok");
  } finally {
    await k.stop();
  }
});

Deno.test("history is kept across kernel restarts in SQLite", async () => {
  const dir = await Deno.makeTempDir();
  const env = { JUPYTER_DATA_DIR: dir };
  try {
    const a = await KernelClient.start({ env, history: `${dir}/history.sqlite` });
    await a.execute("first_session_cell = 1");
    await a.stop();
    const b = await KernelClient.start({ env, history: `${dir}/history.sqlite` });
    try {
      const r = await b.reply(
        await b.send("shell", "history_request", {
          hist_access_type: "search",
          pattern: "first_session*",
          output: false,
          raw: true,
        }),
      );
      const entries = r.content.history as [number, number, string][];
      assertEquals(entries.map((e) => e[2]), ["first_session_cell = 1"]);
      const tail = await b.reply(
        await b.send("shell", "history_request", {
          hist_access_type: "tail",
          n: 1,
          output: false,
          raw: true,
        }),
      );
      assert((tail.content.history as [number][])[0][0] < entries[0][0] + 1);
    } finally {
      await b.stop();
    }
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("an engine that cannot start: every cell says why, and the kernel stays up", async () => {
  const k = await KernelClient.start({ engine: `${repoRoot}tests/kernel/no_such_engine.ts` });
  try {
    const { reply } = await k.execute("1 + 1");
    assertEquals(reply.content.status, "error");
    assertEquals(reply.content.ename, "GlasspyStartupError");
    assertEquals(
      (await k.reply(await k.send("shell", "kernel_info_request", {}))).content.status,
      "ok",
    );
  } finally {
    await k.stop();
  }
});

Deno.test("a JavaScript error inside glasspy is an internal error; the session lives", async () => {
  const k = await KernelClient.start({ engine: TOY_ENGINE });
  try {
    await k.execute("survivor = 1");
    const { reply, iopub } = await k.execute("__js_error__()");
    assertEquals(reply.content.ename, "GlasspyInternalError");
    const err = iopub.find((m) => m.header.msg_type === "error")!;
    assert(!(err.content.traceback as string[]).join("\n").includes(".ts:"), "no JS stack shown");
    assertEquals((await k.execute("survivor")).reply.content.status, "ok");
  } finally {
    await k.stop();
  }
});

Deno.test("a worker that dies is replaced: the next cell says so, the kernel stays up", async () => {
  const k = await KernelClient.start({ engine: TOY_ENGINE });
  try {
    await k.execute("x = 1");
    await k.execute("__crash_worker__()");
    await new Promise((r) => setTimeout(r, 300));
    const after = await k.execute("x");
    assertEquals(after.reply.content.status, "error");
    assertEquals(after.reply.content.ename, "NameError", "a fresh session: the old names are gone");
    assertEquals((await k.execute("'again'")).reply.content.status, "ok");
    assertStringIncludes(k.stderr, "the session worker died");
  } finally {
    await k.stop();
  }
});

Deno.test("a cell that runs on has its busy status and execute_input sent while it runs", async () => {
  // (a quick cell's may follow its reply: kernel/held_start.ts)
  const k = await KernelClient.start();
  try {
    const id = await k.send("shell", "execute_request", {
      code: "import time\ntime.sleep(1)",
      silent: false,
      store_history: true,
      user_expressions: {},
      allow_stdin: false,
      stop_on_error: true,
    });
    const ofCell = (m: Msg) => m.parent_header.msg_id === id;
    await k.inbox.iopub.next(
      (m) => ofCell(m) && m.content.execution_state === "busy",
      10_000,
      "busy",
    );
    const busyAt = performance.now();
    const input = await k.inbox.iopub.next(
      (m) => ofCell(m) && m.header.msg_type === "execute_input",
      10_000,
      "execute_input",
    );
    const inputAt = performance.now();
    await k.reply(id);
    const replyAt = performance.now();
    assertEquals(input.content.code, "import time\ntime.sleep(1)");
    assert(replyAt - busyAt > 500, `busy came ${replyAt - busyAt} ms before the reply`);
    assert(replyAt - inputAt > 500, `execute_input came ${replyAt - inputAt} ms before the reply`);
    const order = (await k.iopub(id)).map((m) => m.header.msg_type);
    assertEquals(order, ["status"], "only the idle status is left after the reply");
  } finally {
    await k.stop();
  }
});
