// Small assertions for `deno test` (JSR's @std/assert cannot be reached from our machines).
// Failures say what differed: for text, the first differing line with its neighbours.

import { isDeepStrictEqual } from "node:util";
import { inspect } from "node:util";

export class AssertionError extends Error {
  override name = "AssertionError";
}

export function assert(condition: unknown, message = "assertion failed"): asserts condition {
  if (!condition) throw new AssertionError(message);
}

/** Deep equality (strict, as node:util's isDeepStrictEqual). */
export function assertEquals<T>(actual: T, expected: T, message?: string): void {
  if (isDeepStrictEqual(actual, expected)) return;
  const detail = typeof actual === "string" && typeof expected === "string"
    ? textDiff(actual, expected)
    : `actual:   ${inspect(actual, { depth: 6 })}\nexpected: ${inspect(expected, { depth: 6 })}`;
  throw new AssertionError(message ? `${message}\n${detail}` : detail);
}

export function assertNotEquals<T>(actual: T, unexpected: T, message?: string): void {
  if (!isDeepStrictEqual(actual, unexpected)) return;
  throw new AssertionError(message ?? `expected a value other than ${inspect(unexpected)}`);
}

export function assertMatch(actual: string, pattern: RegExp, message?: string): void {
  if (pattern.test(actual)) return;
  throw new AssertionError(message ?? `${inspect(actual)} does not match ${pattern}`);
}

export function assertStringIncludes(actual: string, part: string, message?: string): void {
  if (actual.includes(part)) return;
  throw new AssertionError(message ?? `${inspect(actual)} does not include ${inspect(part)}`);
}

/** Asserts that fn throws an instance of errorClass (and, if given, that its message includes msg). */
export function assertThrows<E extends Error>(
  fn: () => unknown,
  errorClass: new (...args: never[]) => E,
  msg?: string,
): E {
  try {
    fn();
  } catch (e) {
    return checkError(e, errorClass, msg);
  }
  throw new AssertionError(`expected ${errorClass.name} to be thrown`);
}

export async function assertRejects<E extends Error>(
  fn: () => Promise<unknown>,
  errorClass: new (...args: never[]) => E,
  msg?: string,
): Promise<E> {
  try {
    await fn();
  } catch (e) {
    return checkError(e, errorClass, msg);
  }
  throw new AssertionError(`expected ${errorClass.name} to be thrown`);
}

function checkError<E extends Error>(
  e: unknown,
  errorClass: new (...args: never[]) => E,
  msg?: string,
): E {
  if (!(e instanceof errorClass)) {
    throw new AssertionError(`expected ${errorClass.name}, got ${inspect(e)}`);
  }
  if (msg !== undefined && !e.message.includes(msg)) {
    throw new AssertionError(
      `expected message including ${inspect(msg)}, got ${inspect(e.message)}`,
    );
  }
  return e;
}

/** A readable account of where two texts part: line number, and the lines around it. */
export function textDiff(actual: string, expected: string): string {
  const a = actual.split("\n");
  const b = expected.split("\n");
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const from = Math.max(0, i - 3);
  const show = (lines: string[]) =>
    lines.slice(from, i + 4).map((l, k) => `${String(from + k + 1).padStart(5)} | ${l}`).join("\n");
  return `texts differ at line ${i + 1} (actual ${a.length} lines, expected ${b.length})\n` +
    `--- actual\n${show(a)}\n--- expected\n${show(b)}`;
}
