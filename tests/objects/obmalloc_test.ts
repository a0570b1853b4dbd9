// The allocator model (memory/obmalloc.ts): size classes, pools and freed blocks reused
// as CPython's obmalloc reuses them, which is what makes id() values repeat as they do.

import { assert, assertEquals } from "../assert.ts";
import { ALIGNMENT, Obmalloc, POOL_OVERHEAD, POOL_SIZE } from "../../runtime/memory/obmalloc.ts";

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
