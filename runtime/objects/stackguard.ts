// The guard of the JavaScript stack.
//
// CPython 3.11 counts recursion against sys.getrecursionlimit() and trusts the C stack to
// hold that many levels (past about 20000 levels of C-level recursion it crashes). glasspy's
// levels are JavaScript calls on V8's stack, which is smaller, and V8's "Maximum call stack
// size exceeded" can strike between any two calls: in the middle of a deallocation, after
// an incref whose decref never comes, with a frame half pushed. No recovery from there is
// exact. So the places where the VM recurses on the JavaScript stack (a Python frame run
// from TypeScript, Py_EnterRecursiveCall) check, once the recursion depth is beyond what
// the stack surely holds, that a reserve is still free, and raise RecursionError while it
// is: the reserve is what raising, unwinding and `except` handlers then run on.
//
// JavaScript cannot read its stack pointer, so the free stack is measured by recursing:
// probe(0, n) succeeds when n of its frames still fit. The first time the depth passes
// FIRST_CHECK_DEPTH, the free stack is measured once to its end; from that follows the
// depth up to which no check is needed (a level of recursion takes at most LEVEL_FRAMES
// probe frames of stack on any path). Past it, a check that finds the reserve and
// CHECK_EVERY levels' worth of stack free lets the next CHECK_EVERY - 1 levels above it
// pass unchecked; a level below the last check is checked again.

import { isStackOverflow } from "../compiler/syntaxerror.ts";

/** The depth at which the stack is first measured. */
const FIRST_CHECK_DEPTH = 100;
/** The reserve, in probe frames (of about 130 bytes: some 260 KB). */
const RESERVE_FRAMES = 2000;
/**
 * The most stack one level of recursion (one unit of sys.getrecursionlimit's count) takes,
 * in probe frames: 32 (about 4 KB; the heaviest paths measured, a class call through
 * __new__ and __init__ before V8 optimizes it, take under 1 KB a level).
 */
const LEVEL_FRAMES = 32;
/** Levels that pass unchecked after a check. */
const CHECK_EVERY = 32;
/** What a check asks to find free. */
const CHECK_FRAMES = RESERVE_FRAMES + CHECK_EVERY * LEVEL_FRAMES;

let reached = 0;

/**
 * Recurses to depth `to` with frames of a steady size: the locals stay live across the
 * call, so an optimized frame keeps them too.
 */
function probe(n: number, to: number): number {
  reached = n;
  const a = n + 1, b = n + 2, c = n + 3, d = n + 4, e = n + 5, f = n + 6, g = n + 7, h = n + 8;
  if (n < to) return probe(n + 1, to) + a + b + c + d + e + f + g + h;
  return 0;
}

/** How many probe frames fit on the stack from here (to its end: a one-time cost). */
function measureFreeFrames(): number {
  reached = 0;
  try {
    probe(0, Infinity);
  } catch (e) {
    if (!isStackOverflow(e)) throw e;
  }
  return reached;
}

/**
 * safeDepth: the recursion depth up to which the stack needs no check (FIRST_CHECK_DEPTH
 * until the stack has been measured); checkedDepth: the depth of the last check that
 * found the stack free.
 */
export const stackGuard = { safeDepth: FIRST_CHECK_DEPTH, measured: false, checkedDepth: 0 };

/**
 * Whether the reserve is still free at this depth (past stackGuard.safeDepth). The first
 * call measures the free stack and may raise safeDepth.
 */
export function stackReserveLeft(depth: number): boolean {
  if (!stackGuard.measured) {
    stackGuard.measured = true;
    const free = measureFreeFrames();
    // Any path to this depth took at least as much stack as it leaves here, so the whole
    // stack holds at least `free` frames above whatever lies below the first Python frame.
    stackGuard.safeDepth = Math.max(0, Math.floor((free - CHECK_FRAMES) / LEVEL_FRAMES));
    if (depth <= stackGuard.safeDepth) return true;
    if (free < CHECK_FRAMES) return false;
    stackGuard.checkedDepth = depth;
    return true;
  }
  const checked = stackGuard.checkedDepth;
  if (depth >= checked && depth < checked + CHECK_EVERY) return true;
  try {
    probe(0, CHECK_FRAMES);
  } catch (e) {
    if (isStackOverflow(e)) return false;
    throw e;
  }
  stackGuard.checkedDepth = depth;
  return true;
}
