// The messages of the Jupyter messaging protocol, version 5.3, as the spec names their
// fields (https://jupyter-client.readthedocs.io/en/stable/messaging.html). These are the
// objects the protocol core takes in and gives out; turning them into ZeroMQ frames and
// signing them is the wire adapter's business (wire.ts).

/** The protocol version this kernel speaks. */
export const PROTOCOL_VERSION = "5.3";

/** The channels a message travels on. Heartbeat carries raw bytes, not messages. */
export type Channel = "shell" | "control" | "stdin" | "iopub";

export interface Header {
  msg_id: string;
  session: string;
  username: string;
  /** ISO 8601, with a time zone */
  date: string;
  msg_type: string;
  version: string;
}

/** A JSON value as it appears in a message. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/**
 * A Jupyter message. `identities` are the ZeroMQ routing prefixes of a request (kept so
 * that the reply, and any input_request, goes back to the client that asked).
 */
export interface Message<C = JsonObject> {
  identities: Uint8Array[];
  header: Header;
  /** The header of the request this message answers, or {} */
  parent_header: Header | Record<string, never>;
  metadata: JsonObject;
  content: C;
  buffers: Uint8Array[];
}

/** A MIME bundle: `{"text/plain": "...", "text/html": "..."}` */
export type MimeBundle = { [mime: string]: Json };

// ---- shell requests and replies ----

export interface ExecuteRequest {
  code: string;
  silent: boolean;
  store_history: boolean;
  user_expressions: { [name: string]: string };
  allow_stdin: boolean;
  stop_on_error: boolean;
}

export type ReplyStatus = "ok" | "error" | "aborted";

export interface ErrorContent {
  ename: string;
  evalue: string;
  traceback: string[];
}

export interface ExecuteReplyOk {
  status: "ok";
  execution_count: number;
  user_expressions: { [name: string]: Json };
  payload: JsonObject[];
}

export interface ExecuteReplyError extends ErrorContent {
  status: "error";
  execution_count: number;
  user_expressions: Record<string, never>;
  payload: JsonObject[];
}

export interface CompleteRequest {
  code: string;
  cursor_pos: number;
}

export interface CompleteReply {
  status: "ok";
  matches: string[];
  cursor_start: number;
  cursor_end: number;
  metadata: JsonObject;
}

export interface InspectRequest {
  code: string;
  cursor_pos: number;
  detail_level: 0 | 1;
}

export interface InspectReply {
  status: "ok";
  found: boolean;
  data: MimeBundle;
  metadata: JsonObject;
}

export interface IsCompleteRequest {
  code: string;
}

export interface IsCompleteReply {
  status: "complete" | "incomplete" | "invalid" | "unknown";
  indent?: string;
}

export interface HistoryRequest {
  output: boolean;
  raw: boolean;
  hist_access_type: "range" | "tail" | "search";
  session?: number;
  start?: number;
  stop?: number;
  n?: number;
  pattern?: string;
  unique?: boolean;
}

/** (session, line, input) or (session, line, [input, output]) */
export type HistoryEntry = [number, number, string | [string, string | null]];

export interface LanguageInfo {
  name: string;
  version: string;
  mimetype: string;
  file_extension: string;
  pygments_lexer: string;
  codemirror_mode: { name: string; version: number };
  nbconvert_exporter: string;
}

export interface KernelInfoReply {
  status: "ok";
  protocol_version: string;
  implementation: string;
  implementation_version: string;
  language_info: LanguageInfo;
  banner: string;
  help_links: { text: string; url: string }[];
  debugger: boolean;
}

export interface ShutdownRequest {
  restart: boolean;
}

// ---- iopub ----

export type ExecutionState = "starting" | "busy" | "idle";

export interface StreamContent {
  name: "stdout" | "stderr";
  text: string;
}

export interface DisplayDataContent {
  data: MimeBundle;
  metadata: JsonObject;
  transient: { display_id?: string };
}

export interface ExecuteResultContent {
  execution_count: number;
  data: MimeBundle;
  metadata: JsonObject;
}

// ---- stdin ----

export interface InputRequest {
  prompt: string;
  password: boolean;
}

export interface InputReply {
  value: string;
}
