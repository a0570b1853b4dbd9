import { assertEquals, assertThrows } from "../assert.ts";
import { ConnectionFileError, endpoint, parseConnectionInfo } from "../../kernel/connection.ts";

const valid = {
  transport: "tcp",
  ip: "127.0.0.1",
  shell_port: 5001,
  iopub_port: 5002,
  stdin_port: 5003,
  control_port: 5004,
  hb_port: 5005,
  key: "abc",
  signature_scheme: "hmac-sha256",
  kernel_name: "glasspy",
};

Deno.test("a connection file as jupyter_client writes it is read field by field", () => {
  const info = parseConnectionInfo(JSON.stringify(valid));
  assertEquals(info.shell_port, 5001);
  assertEquals(info.key, "abc");
  assertEquals(endpoint(info, "hb_port"), "tcp://127.0.0.1:5005");
});

Deno.test("ipc endpoints are the ip path and the port joined by a dash", () => {
  const info = parseConnectionInfo(JSON.stringify({ ...valid, transport: "ipc", ip: "/tmp/k" }));
  assertEquals(endpoint(info, "shell_port"), "ipc:///tmp/k-5001");
});

Deno.test("a missing key means an unsigned connection", () => {
  const { key: _, ...rest } = valid;
  assertEquals(parseConnectionInfo(JSON.stringify(rest)).key, "");
});

Deno.test("bad connection files are refused with the reason", () => {
  const bad: [unknown, string][] = [
    ["{", "not JSON"],
    [[], "not a JSON object"],
    [{ ...valid, transport: "udp" }, "transport"],
    [{ ...valid, shell_port: "5001" }, "shell_port must be a port number"],
    [{ ...valid, hb_port: 70000 }, "hb_port"],
    [{ ...valid, signature_scheme: "hmac-md5" }, "not supported"],
    [{ ...valid, key: 5 }, "key must be a string"],
  ];
  for (const [text, reason] of bad) {
    assertThrows(
      () => parseConnectionInfo(typeof text === "string" ? text : JSON.stringify(text)),
      ConnectionFileError,
      reason,
    );
  }
});
