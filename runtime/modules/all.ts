// Every built-in module: importing this file registers them all (see registry.ts). A new
// module is one file that calls registerModule, plus one line here.

import "./builtins.ts";
import "./sys.ts";
import "./gc.ts";
import "./atexit.ts";
import "./weakref.ts";
import "./math.ts";
import "./itertools.ts";
import "./_operator.ts";
import "./operator.ts";
import "./_functools.ts";
import "./functools.ts";
import "./_collections.ts";
import "./abc.ts";
import "./_collections_abc.ts";
import "./collections.ts";
import "./keyword.ts";
import "./_random.ts";
import "./_sha512.ts";
import "./_bisect.ts";
import "./random.ts";
import "./copyreg.ts";
import "./copy.ts";
import "./_string.ts";
import "./string.ts";
import "./time.ts";
import "./opcode.ts";
import "./_dis.ts";
import "./dis.ts";
import "./codecs.ts";
