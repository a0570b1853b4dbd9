// Every built-in module: importing this file registers them all (see registry.ts). A new
// module is one file that calls registerModule, plus one line here.

import "./builtins.ts";
import "./sys.ts";
import "./gc.ts";
import "./atexit.ts";
import "./weakref.ts";
