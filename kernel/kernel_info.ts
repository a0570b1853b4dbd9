// What kernel_info_reply says about glasspy: the implementation, and the language it
// speaks (Python 3.11, with IPython's lexer and CodeMirror mode as ipykernel announces them).

import type { KernelInfoReply } from "./messages.ts";
import { PROTOCOL_VERSION } from "./messages.ts";
import { GLASSPY_VERSION, PYTHON_VERSION } from "../runtime/version.ts";

export const BANNER =
  `Python ${PYTHON_VERSION} (glasspy ${GLASSPY_VERSION}, a glass-box VM in TypeScript)\n` +
  `glasspy shows what CPython does inside: %dis for bytecode, obj? for refcount, id and size,\n` +
  `%lsmagic for the rest.\n`;

export function kernelInfo(): Omit<KernelInfoReply, "status"> {
  return {
    protocol_version: PROTOCOL_VERSION,
    implementation: "glasspy",
    implementation_version: GLASSPY_VERSION,
    language_info: {
      name: "python",
      version: PYTHON_VERSION,
      mimetype: "text/x-python",
      codemirror_mode: { name: "ipython", version: 3 },
      pygments_lexer: "ipython3",
      nbconvert_exporter: "python",
      file_extension: ".py",
    },
    banner: BANNER,
    help_links: [
      { text: "Python Reference", url: "https://docs.python.org/3.11" },
      { text: "Python 3.11 source (CPython)", url: "https://github.com/python/cpython/tree/3.11" },
    ],
    debugger: false,
  };
}
