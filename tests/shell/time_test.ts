import { assertEquals } from "../assert.ts";
import { formatTime } from "../../runtime/shell/magics/time.ts";
import { ipython } from "./ipython.ts";

const SPANS = [
  0,
  1e-10,
  3.3e-9,
  1e-6,
  2.5e-6,
  9.9996e-6,
  1.23456e-5,
  0.000999,
  0.001,
  0.0123456,
  0.1,
  0.99951,
  1,
  1.5,
  9.99951,
  12.345,
  59.9,
  60,
  61.5,
  3600,
  3725.2,
  86400 * 2 + 5,
];

Deno.test("%time formats spans as IPython's _format_time", async () => {
  const expected = await ipython<string[]>(
    `import io, sys
from IPython.core.magics.execution import _format_time
class Out(io.StringIO):
    encoding = "utf-8"
sys.stdout = Out()
result = [_format_time(t) for t in data]
sys.stdout = sys.__stdout__`,
    SPANS,
  );
  SPANS.forEach((t, i) => assertEquals(formatTime(t), expected[i], `span ${t}`));
});
