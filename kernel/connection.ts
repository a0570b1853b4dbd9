// The connection file Jupyter writes before it starts a kernel: where the five sockets
// live and the key that signs messages. Its fields are jupyter_client's
// (jupyter_client/connect.py, write_connection_file).

export type Transport = "tcp" | "ipc";

/** The sockets a kernel binds, by their connection-file port names. */
export const PORT_NAMES = [
  "shell_port",
  "iopub_port",
  "stdin_port",
  "control_port",
  "hb_port",
] as const;
export type PortName = typeof PORT_NAMES[number];

export interface ConnectionInfo {
  transport: Transport;
  ip: string;
  shell_port: number;
  iopub_port: number;
  stdin_port: number;
  control_port: number;
  hb_port: number;
  /** The HMAC key; empty means messages are neither signed nor checked. */
  key: string;
  signature_scheme: "hmac-sha256";
  kernel_name?: string;
}

/** A connection file that cannot be used, with the reason in words. */
export class ConnectionFileError extends Error {}

/** Reads and checks a connection file. */
export function readConnectionFile(path: string): ConnectionInfo {
  let text: string;
  try {
    text = Deno.readTextFileSync(path);
  } catch (e) {
    throw new ConnectionFileError(`cannot read connection file ${path}: ${(e as Error).message}`);
  }
  return parseConnectionInfo(text, path);
}

/** Parses the text of a connection file; `where` names it in errors. */
export function parseConnectionInfo(text: string, where = "connection file"): ConnectionInfo {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new ConnectionFileError(`${where} is not JSON: ${(e as Error).message}`);
  }
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw new ConnectionFileError(`${where} is not a JSON object`);
  }
  const o = raw as Record<string, unknown>;
  const transport = o.transport ?? "tcp";
  if (transport !== "tcp" && transport !== "ipc") {
    throw new ConnectionFileError(
      `${where}: transport must be "tcp" or "ipc", not ${show(transport)}`,
    );
  }
  const ip = o.ip ?? (transport === "tcp" ? "127.0.0.1" : "kernel-ipc");
  if (typeof ip !== "string" || ip === "") {
    throw new ConnectionFileError(`${where}: ip must be a non-empty string`);
  }
  const key = o.key ?? "";
  if (typeof key !== "string") throw new ConnectionFileError(`${where}: key must be a string`);
  const scheme = o.signature_scheme ?? "hmac-sha256";
  if (scheme !== "hmac-sha256") {
    throw new ConnectionFileError(
      `${where}: signature_scheme ${show(scheme)} is not supported (only hmac-sha256)`,
    );
  }
  const ports = {} as Record<PortName, number>;
  for (const name of PORT_NAMES) {
    const port = o[name];
    if (typeof port !== "number" || !Number.isInteger(port) || port < 0 || port > 65535) {
      throw new ConnectionFileError(`${where}: ${name} must be a port number, not ${show(port)}`);
    }
    ports[name] = port;
  }
  return {
    transport,
    ip,
    ...ports,
    key,
    signature_scheme: "hmac-sha256",
    kernel_name: typeof o.kernel_name === "string" ? o.kernel_name : undefined,
  };
}

/** The ZeroMQ endpoint of one socket, as jupyter_client spells it. */
export function endpoint(info: ConnectionInfo, port: PortName): string {
  return info.transport === "tcp"
    ? `tcp://${info.ip.includes(":") ? `[${info.ip}]` : info.ip}:${info[port]}`
    : `ipc://${info.ip}-${info[port]}`;
}

function show(v: unknown): string {
  return v === undefined ? "missing" : JSON.stringify(v);
}

/** The address to bind a port of the connection file to (port 0: any free port). */
export function bindAddress(info: ConnectionInfo, port: PortName): string {
  const address = endpoint(info, port);
  return info.transport === "tcp" && info[port] === 0 ? address.replace(/:0$/, ":*") : address;
}
