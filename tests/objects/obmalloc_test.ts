// The allocator model (memory/obmalloc.ts): size classes, pools and freed blocks reused
// as CPython's obmalloc reuses them, which is what makes id() values repeat as they do.

import { assert, assertEquals } from "../assert.ts";
import {
  ALIGNMENT,
  ARENA_SIZE,
  MemoryLimitExceeded,
  Obmalloc,
  parseMemoryLimit,
  POOL_OVERHEAD,
  POOL_SIZE,
} from "../../runtime/memory/obmalloc.ts";

Deno.test("blocks of one size class come from one pool, one block size apart", () => {
  const m = new Obmalloc();
  const a = m.malloc(24), b = m.malloc(24), c = m.malloc(32);
  assertEquals(b - a, 32 / ALIGNMENT);
  assertEquals(m.blockSize(a), 32);
  // 32-byte requests share the 24-byte requests' size class (both round up to 32)
  assertEquals(c - b, 32 / ALIGNMENT);
  const d = m.malloc(48);
  assert(Math.floor(d * ALIGNMENT / POOL_SIZE) !== Math.floor(a * ALIGNMENT / POOL_SIZE));
  assertEquals((a * ALIGNMENT) % POOL_SIZE, POOL_OVERHEAD);
});

Deno.test("a freed block is the next one handed out for its size class", () => {
  const m = new Obmalloc();
  const a = m.malloc(64);
  const b = m.malloc(64);
  m.free(a);
  assertEquals(m.malloc(64), a);
  m.free(b);
  m.free(a);
  // last freed, first reused
  assertEquals(m.malloc(64), a);
  assertEquals(m.malloc(64), b);
});

Deno.test("requests above 512 bytes bypass the pools", () => {
  const m = new Obmalloc();
  const small = m.malloc(512);
  const big = m.malloc(513);
  assertEquals(m.blockSize(small), 512);
  assertEquals(m.blockSize(big), 0);
});

Deno.test("past the limit, a request that needs a new arena or a large block fails", () => {
  const m = new Obmalloc();
  m.setLimit(2 * ARENA_SIZE);
  // one arena is mapped for the first small block
  m.malloc(16);
  assertEquals(m.footprint(), ARENA_SIZE);
  // a large block that would take the heap past two arenas is refused...
  let refused = false;
  try {
    m.malloc(ARENA_SIZE + 1);
  } catch (e) {
    refused = e instanceof MemoryLimitExceeded;
  }
  assert(refused, "a large block past the limit is refused");
  assertEquals(m.footprint(), ARENA_SIZE);
  // ...one that fits is served, and freeing it gives its bytes back
  const big = m.malloc(ARENA_SIZE / 2);
  assert(m.footprint() > ARENA_SIZE);
  m.free(big);
  assertEquals(m.footprint(), ARENA_SIZE);
  // reserve answers for a request built outside the model before it is built
  m.reserve(ARENA_SIZE / 2);
  let reserved = true;
  try {
    m.reserve(2 * ARENA_SIZE);
  } catch (e) {
    reserved = !(e instanceof MemoryLimitExceeded);
  }
  assert(!reserved, "reserve refuses what cannot fit");
});

Deno.test("small blocks fill the arenas up to the limit, then fail until some are freed", () => {
  const m = new Obmalloc();
  m.setLimit(ARENA_SIZE);
  const blocks: number[] = [];
  let failed = false;
  while (!failed) {
    try {
      blocks.push(m.malloc(512));
    } catch (e) {
      if (!(e instanceof MemoryLimitExceeded)) throw e;
      failed = true;
    }
  }
  // one arena of 63 pools of 16 KiB (mapped off a pool boundary, it loses one to alignment),
  // 31 blocks of 512 bytes after each pool's header
  assertEquals(blocks.length, 63 * 31);
  m.free(blocks.pop()!);
  blocks.push(m.malloc(512));
});

Deno.test("the host can refuse growth when its own memory is nearly full", () => {
  const m = new Obmalloc();
  m.hostMemoryFull = () => true;
  let refused = false;
  try {
    m.malloc(16);
  } catch (e) {
    refused = e instanceof MemoryLimitExceeded;
  }
  assert(refused);
});

Deno.test("memory limits are read as bytes or with K, M, G suffixes", () => {
  assertEquals(parseMemoryLimit("1048576"), 1 << 20);
  assertEquals(parseMemoryLimit("512M"), 512 << 20);
  assertEquals(parseMemoryLimit("2g"), 2 * (1 << 30));
  assertEquals(parseMemoryLimit("64MiB"), 64 << 20);
  assertEquals(parseMemoryLimit("1.5K"), 1536);
  assertEquals(parseMemoryLimit("lots"), null);
  assertEquals(parseMemoryLimit("0"), null);
  assertEquals(parseMemoryLimit("-5M"), null);
});

Deno.test("the malloc statistics account for every byte of the arenas, in CPython's layout", () => {
  const m = new Obmalloc();
  const blocks = [];
  for (let i = 0; i < 1000; i++) blocks.push(m.malloc(24), m.malloc(200));
  for (let i = 0; i < 1000; i += 2) m.free(blocks[i]);
  const text = m.debugMallocStats();
  const lines = text.split("\n");
  assertEquals(lines[0], "Small block threshold = 512, in 32 size classes.");
  // one row per size class in use: 32-byte blocks (class 1) and 208-byte blocks (class 12)
  assertEquals(lines[4], "    1     32           2             500           520");
  assertEquals(lines[5].slice(0, 13), "   12    208 ");
  assertEquals(lines[6], "");
  const value = (label: string) => {
    const line = lines.find((l) => l.startsWith(label))!;
    assertEquals(line.indexOf("="), 35, line);
    return Number(line.slice(36).replaceAll(",", ""));
  };
  assertEquals(value("1 arenas * 1048576 bytes/arena"), ARENA_SIZE);
  const parts = [
    "# bytes in allocated blocks",
    "# bytes in available blocks",
    "# bytes lost to pool headers",
    "# bytes lost to quantization",
    "# bytes lost to arena alignment",
  ].map(value);
  const unused = lines.find((l) => / unused pools \* 16384 bytes/.test(l))!;
  const total = parts.reduce((a, b) => a + b, 0) + Number(unused.slice(36).replaceAll(",", ""));
  assertEquals(total, ARENA_SIZE);
  assertEquals(value("# bytes lost to arena alignment"), 16384);
  assertEquals(value("Total"), ARENA_SIZE);
  assertEquals(value("# bytes in allocated blocks"), 500 * 32 + 1000 * 208);
});

Deno.test("the units handed out are V8 small integers, never boxed doubles", async () => {
  // Objects keep their unit in ob_id: a unit that is a heap number costs every object a
  // 16-byte box. Only V8's %IsSmi tells the two apart, so a child Deno runs the check.
  const module = new URL("../../runtime/memory/obmalloc.ts", import.meta.url).href;
  const script = `
    import { Obmalloc } from ${JSON.stringify(module)};
    const isSmi = new Function("x", "return %IsSmi(x)");
    const m = new Obmalloc();
    const units = [];
    for (let i = 0; i < 100000; i++) units.push(m.malloc(8 + (i % 8) * 16));
    for (let i = 0; i < units.length; i += 3) m.free(units[i]);
    for (let i = 0; i < 50000; i++) units.push(m.malloc(48));
    units.push(m.malloc(4096), m.malloc(100000));
    const bad = units.filter((u) => !isSmi(u));
    console.log(bad.length === 0 ? "all small integers" : "boxed: " + bad.slice(0, 5).join(" "));
  `;
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["eval", "--v8-flags=--allow-natives-syntax", script],
    stdout: "piped",
    stderr: "piped",
  }).output();
  const text = new TextDecoder().decode(out.stdout).trim();
  assertEquals(text, "all small integers", new TextDecoder().decode(out.stderr));
});
