import { assert, assertEquals, assertThrows } from "../assert.ts";
import {
  deserialize,
  frameBytes,
  MalformedMessage,
  serialize,
  Signer,
  WireError,
} from "../../kernel/wire.ts";
import { SharedReplayGuard } from "../../kernel/replay_guard.ts";
import type { Message } from "../../kernel/messages.ts";

const enc = new TextEncoder();
const dec = new TextDecoder();

function message(content: Record<string, unknown> = { code: "1+1" }): Message<unknown> {
  return {
    identities: [enc.encode("client-1")],
    header: {
      msg_id: "m1",
      session: "s1",
      username: "u",
      date: "2024-01-01T00:00:00.000Z",
      msg_type: "execute_request",
      version: "5.3",
    },
    parent_header: {},
    metadata: {},
    content,
    buffers: [],
  };
}

/** jupyter_client's own signature of the same four frames, from /usr/bin/python3. */
async function pythonSignature(key: string, frames: Uint8Array[]): Promise<string> {
  const script = `
import sys, json, hmac, hashlib
from jupyter_client.session import Session
parts = [p.encode() for p in json.loads(sys.stdin.read())]
s = Session(key=${JSON.stringify(key)}.encode(), signature_scheme="hmac-sha256")
print(s.sign(parts).decode())`;
  const child = new Deno.Command("/usr/bin/python3", {
    args: ["-c", script],
    stdin: "piped",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const w = child.stdin.getWriter();
  await w.write(enc.encode(JSON.stringify(frames.map((f) => dec.decode(f)))));
  await w.close();
  const out = await child.output();
  assertEquals(out.code, 0, dec.decode(out.stderr));
  return dec.decode(out.stdout).trim();
}

Deno.test("a serialized message is signed as jupyter_client signs it", async () => {
  const signer = new Signer("a-secret-key");
  const frames = serialize(message(), signer).map(frameBytes);
  assertEquals(dec.decode(frames[0]), "client-1");
  assertEquals(dec.decode(frames[1]), "<IDS|MSG>");
  assertEquals(dec.decode(frames[2]), await pythonSignature("a-secret-key", frames.slice(3, 7)));
});

Deno.test("serialize then deserialize gives the message back, identities included", () => {
  const signer = new Signer("k");
  const back = deserialize(
    serialize(message({ code: "ünïcode ✓" }), signer).map(frameBytes),
    new Signer("k"),
  );
  assertEquals(back.header.msg_type, "execute_request");
  assertEquals(back.content, { code: "ünïcode ✓" });
  assertEquals(back.identities.map((i) => dec.decode(i)), ["client-1"]);
  assertEquals(back.buffers, []);
});

Deno.test("a message signed with another key is rejected as a bad signature", () => {
  const frames = serialize(message(), new Signer("other-key")).map(frameBytes);
  const e = assertThrows(() => deserialize(frames, new Signer("k")), WireError);
  assertEquals(e.reason, "bad-signature");
});

Deno.test("a signed session refuses unsigned messages", () => {
  const frames = serialize(message(), new Signer("")).map(frameBytes);
  assertEquals(dec.decode(frames[2]), "");
  const e = assertThrows(() => deserialize(frames, new Signer("k")), WireError);
  assertEquals(e.reason, "unsigned");
});

Deno.test("an unsigned session (empty key) accepts messages without a signature", () => {
  const back = deserialize(serialize(message(), new Signer("")).map(frameBytes), new Signer(""));
  assertEquals(back.header.msg_id, "m1");
});

Deno.test("the same signed message twice is refused as a replay", () => {
  const signer = new Signer("k");
  const frames = serialize(message(), signer).map(frameBytes);
  const receiver = new Signer("k");
  deserialize(frames, receiver);
  const e = assertThrows(() => deserialize(frames, receiver), WireError);
  assertEquals(e.reason, "replayed");
});

Deno.test("frames without the delimiter, or too few, are rejected", () => {
  const signer = new Signer("");
  assertEquals(
    assertThrows(() => deserialize([enc.encode("garbage")], signer), WireError).reason,
    "no-delimiter",
  );
  const frames = serialize(message(), signer).map(frameBytes);
  assertEquals(
    assertThrows(() => deserialize(frames.slice(0, 5), signer), WireError).reason,
    "too-few-frames",
  );
});

Deno.test("a header that is not JSON is rejected; bad content is a MalformedMessage", () => {
  const signer = new Signer("k");
  const frames = serialize(message(), signer).map(frameBytes);
  const badHeader = [...frames];
  badHeader[3] = enc.encode("{not json");
  badHeader[2] = enc.encode(signer.sign(badHeader.slice(3, 7)));
  assertEquals(assertThrows(() => deserialize(badHeader, signer), WireError).reason, "bad-header");
  const badContent = [...frames];
  badContent[6] = enc.encode("[1, 2");
  badContent[2] = enc.encode(signer.sign(badContent.slice(3, 7)));
  const m = assertThrows(() => deserialize(badContent, signer), MalformedMessage);
  assertEquals(m.header.msg_type, "execute_request");
  assert(m.message.includes("content"), m.message);
});

Deno.test("binary buffers after the four JSON frames are kept", () => {
  const signer = new Signer("k");
  const msg = message();
  msg.buffers = [new Uint8Array([0, 1, 2, 255])];
  const back = deserialize(serialize(msg, signer).map(frameBytes), new Signer("k"));
  assertEquals([...back.buffers[0]], [0, 1, 2, 255]);
});

Deno.test("the shared replay history: two threads' guards see each other's signatures", () => {
  const hex = (n: number) => new TextEncoder().encode(n.toString(16).padStart(64, "0"));
  const a = new SharedReplayGuard();
  const b = new SharedReplayGuard(a.buffer);
  assertEquals(a.seenBefore(hex(1)), false);
  assertEquals(b.seenBefore(hex(1)), true, "seen by the other guard");
  assertEquals(b.seenBefore(hex(2)), false);
  assertEquals(a.seenBefore(hex(2)), true);
  // past the tables' rotation, the latest 65536 are all remembered
  for (let i = 3; i < 200_000; i++) assertEquals(a.seenBefore(hex(i)), false);
  for (let i = 200_000 - 65_536; i < 200_000; i++) assertEquals(b.seenBefore(hex(i)), true);
  // a lock left held (its thread terminated inside seenBefore) is taken over, not waited on
  new Int32Array(a.buffer, 0, 1)[0] = 1;
  const t0 = performance.now();
  assertEquals(b.seenBefore(hex(199_999)), true);
  assertEquals(a.seenBefore(hex(300_001)), false);
  assert(performance.now() - t0 < 5_000, "took the stale lock over");
});
