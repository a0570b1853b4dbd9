// A ZMTP ROUTER served on its own (for zmtp_test.ts): listens on 127.0.0.1 at the port given,
// prints "listening", and serves its connections as the kernel's poller does until killed.

import { ZmtpSocket } from "../../kernel/zmtp.ts";
import { listenTcp, openLibc, pollfds } from "../../kernel/libc.ts";

const libc = openLibc()!;
const fd = listenTcp(libc, "127.0.0.1", Number(Deno.args[0]))!;
const socket = new ZmtpSocket("ROUTER", fd, `tcp://127.0.0.1:${Deno.args[0]}`);
console.log("listening");
const fds = pollfds([socket.fd]);
for (;;) {
  while (socket.receive() !== null) {
    // messages are not the point here
  }
  libc.symbols.pollHere(fds, 1n, 1000);
}
