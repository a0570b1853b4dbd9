// The wire format of Jupyter messages over ZeroMQ: routing identities, the `<IDS|MSG>`
// delimiter, an HMAC-SHA256 signature (hex) over the four JSON frames, the frames, then
// any binary buffers. This is the ZeroMQ adapter's half of the protocol: the core sees
// only Message objects.

import { equalInConstantTime, HmacSha256 } from "./hmac.ts";
import type { Header, JsonObject, Message } from "./messages.ts";
import { LocalReplayGuard } from "./replay_guard.ts";
import type { ReplayGuard } from "./replay_guard.ts";

const DELIMITER_TEXT = "<IDS|MSG>";
export const DELIMITER = new TextEncoder().encode(DELIMITER_TEXT);

/**
 * A frame as it goes to zeromq: bytes, or text that zeromq sends as UTF-8. The frames we
 * make are text: zeromq hands a longer byte frame (over 128 bytes) to its I/O thread
 * without copying, and giving it back then wakes the JavaScript thread (an async callback
 * per frame sent), where text is converted once and freed by the I/O thread itself.
 */
export type Frame = Uint8Array | string;

/** A frame's bytes (text as UTF-8). */
export function frameBytes(frame: Frame): Uint8Array {
  return typeof frame === "string" ? encoder.encode(frame) : frame;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder("utf-8", { fatal: true });

/** Why a multipart message was not accepted. */
export type RejectReason =
  | "no-delimiter"
  | "too-few-frames"
  | "unsigned"
  | "bad-signature"
  | "replayed"
  | "bad-header";

/** A message the wire layer could not accept; `header` is there when it could be read. */
export class WireError extends Error {
  constructor(
    readonly reason: RejectReason,
    message: string,
    readonly identities: Uint8Array[] = [],
  ) {
    super(message);
  }
}

/**
 * A message whose signature verified and whose header parsed, but whose other frames are
 * not what the protocol wants: the core can still send an error reply to its sender.
 */
export class MalformedMessage extends Error {
  constructor(
    readonly identities: Uint8Array[],
    readonly header: Header,
    message: string,
  ) {
    super(message);
  }
}

/** HMAC-SHA256 signing with the connection key, as jupyter_client's Session does. */
export class Signer {
  private readonly hmac: HmacSha256 | null;

  /**
   * `replays` records the signatures accepted, to refuse a message seen before
   * (jupyter_client keeps such a history too); the kernel's threads share one.
   */
  constructor(key: string, private readonly replays: ReplayGuard = new LocalReplayGuard()) {
    this.hmac = key === "" ? null : new HmacSha256(encoder.encode(key));
  }

  get signs(): boolean {
    return this.hmac !== null;
  }

  /** The hex digest of the four message frames; "" when unsigned. */
  sign(frames: Frame[]): string {
    return this.hmac === null ? "" : this.hmac.hex(frames);
  }

  /** Checks a received signature in constant time; records it against replays. */
  verify(signature: Uint8Array, frames: Uint8Array[]): RejectReason | null {
    if (this.hmac === null) return null;
    if (signature.length === 0) return "unsigned";
    const expected = encoder.encode(this.sign(frames));
    if (!equalInConstantTime(signature, expected)) return "bad-signature";
    return this.replays.seenBefore(signature) ? "replayed" : null;
  }
}

/**
 * The frames of a message, ready to send (identities first; for iopub, the topic): the
 * delimiter, the signature and the four JSON frames as text, identities and buffers as
 * they are.
 */
export function serialize(msg: Message<unknown>, signer: Signer): Frame[] {
  const parts = [
    JSON.stringify(msg.header),
    JSON.stringify(msg.parent_header),
    JSON.stringify(msg.metadata),
    JSON.stringify(msg.content),
  ];
  return [...msg.identities, DELIMITER_TEXT, signer.sign(parts), ...parts, ...msg.buffers];
}

function isDelimiter(frame: Uint8Array): boolean {
  if (frame.length !== DELIMITER.length) return false;
  for (let i = 0; i < frame.length; i++) if (frame[i] !== DELIMITER[i]) return false;
  return true;
}

function parseObject(frame: Uint8Array): JsonObject | null {
  try {
    const v = JSON.parse(decoder.decode(frame));
    return typeof v === "object" && v !== null && !Array.isArray(v) ? v : null;
  } catch {
    return null;
  }
}

const HEADER_FIELDS = ["msg_id", "msg_type"] as const;

/**
 * Reads a received multipart message. Throws WireError when it must be dropped without a
 * reply (no delimiter, bad or missing signature, unreadable header) and MalformedMessage
 * when the header is fine but the rest is not.
 */
export function deserialize(frames: Uint8Array[], signer: Signer): Message {
  const at = frames.findIndex(isDelimiter);
  if (at < 0) throw new WireError("no-delimiter", "no <IDS|MSG> delimiter in the message");
  const identities = frames.slice(0, at);
  const rest = frames.slice(at + 1);
  if (rest.length < 5) {
    throw new WireError(
      "too-few-frames",
      `a message needs a signature and four JSON frames, got ${rest.length} frames`,
      identities,
    );
  }
  const [signature, ...parts] = rest;
  const four = parts.slice(0, 4);
  const rejected = signer.verify(signature, four);
  if (rejected !== null) {
    throw new WireError(rejected, describe(rejected), identities);
  }
  const header = parseObject(four[0]);
  if (header === null || HEADER_FIELDS.some((f) => typeof header[f] !== "string")) {
    throw new WireError(
      "bad-header",
      "the header is not a JSON object with msg_id and msg_type",
      identities,
    );
  }
  const h = {
    msg_id: header.msg_id as string,
    msg_type: header.msg_type as string,
    session: typeof header.session === "string" ? header.session : "",
    username: typeof header.username === "string" ? header.username : "",
    date: typeof header.date === "string" ? header.date : "",
    version: typeof header.version === "string" ? header.version : "",
  };
  const parent = parseObject(four[1]);
  const metadata = parseObject(four[2]);
  const content = parseObject(four[3]);
  const bad = parent === null
    ? "parent_header"
    : metadata === null
    ? "metadata"
    : content === null
    ? "content"
    : null;
  if (bad !== null) {
    throw new MalformedMessage(identities, h, `the ${bad} frame is not a JSON object`);
  }
  return {
    identities,
    header: h,
    parent_header: parent as unknown as Header,
    metadata: metadata!,
    content: content!,
    buffers: parts.slice(4),
  };
}

function describe(reason: RejectReason): string {
  switch (reason) {
    case "unsigned":
      return "an unsigned message on a signed connection";
    case "bad-signature":
      return "a message whose signature does not verify";
    case "replayed":
      return "a message whose signature was already used (a replay)";
    default:
      return reason;
  }
}
