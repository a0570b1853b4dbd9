// The signatures a kernel has accepted, to refuse a message seen before (a replay), as
// jupyter_client's Session keeps a digest history. In the kernel two threads read sockets
// (the session's worker the shell socket, the main thread the others), so the history
// lives in shared memory: a captured request replayed on another channel is refused too.
//
// Two hash tables of 64-bit keys of the signatures, open addressing: a signature is looked up
// in both and added to the current one; when the current one is half full, the other is
// emptied and becomes current. So at least the last SLOTS / 2 signatures are remembered
// (jupyter_client culls a random tenth of its history when it passes its size). A spin
// lock on a shared word keeps the two threads' updates apart; each holds it a few
// microseconds, and a lock left held by a terminated thread is taken over after STALE_MS.

/** Where a Signer records the signatures it accepts. */
export interface ReplayGuard {
  /** Whether `signature` (hex text, as received) was seen before; records it if not. */
  seenBefore(signature: Uint8Array): boolean;
}

/** One thread's history (the default): the last HISTORY signatures, exactly. */
export class LocalReplayGuard implements ReplayGuard {
  private static readonly HISTORY = 1 << 16;
  private readonly seen = new Set<string>();
  private readonly order: string[] = [];
  private readonly decoder = new TextDecoder();

  seenBefore(signature: Uint8Array): boolean {
    const text = this.decoder.decode(signature);
    if (this.seen.has(text)) return true;
    this.seen.add(text);
    this.order.push(text);
    if (this.order.length > LocalReplayGuard.HISTORY) this.seen.delete(this.order.shift()!);
    return false;
  }
}

const SLOTS = 1 << 17;
// Int32 words: [0] lock, [1] current table (0 or 1), [2] and [3] entries in tables 0 and 1
const HEADER_BYTES = 16;
const LOCK = 0, CURRENT = 1, COUNT = 2;
/** How long a held lock is waited for before its holder is taken to be gone. */
const STALE_MS = 200;

/** The history over a SharedArrayBuffer both threads hold. */
export class SharedReplayGuard implements ReplayGuard {
  readonly buffer: SharedArrayBuffer;
  private readonly words: Int32Array;
  private readonly tables: BigInt64Array[];

  constructor(buffer?: SharedArrayBuffer) {
    this.buffer = buffer ?? new SharedArrayBuffer(HEADER_BYTES + 2 * SLOTS * 8);
    this.words = new Int32Array(this.buffer, 0, HEADER_BYTES / 4);
    this.tables = [0, 1].map((t) =>
      new BigInt64Array(this.buffer, HEADER_BYTES + t * SLOTS * 8, SLOTS)
    );
  }

  seenBefore(signature: Uint8Array): boolean {
    const key = prefix(signature);
    let since = 0, spins = 0;
    while (Atomics.compareExchange(this.words, LOCK, 0, 1) !== 0) {
      // The other thread holds it for microseconds. A lock held for STALE_MS belongs to a
      // thread that is gone (a worker terminated while it held it): take it over rather
      // than spin forever with the heartbeat's thread.
      if ((++spins & 1023) !== 0) continue;
      const now = performance.now();
      if (since === 0) since = now;
      else if (now - since > STALE_MS) {
        Atomics.store(this.words, LOCK, 1);
        break;
      }
    }
    try {
      const current = this.words[CURRENT];
      if (find(this.tables[current], key) >= 0 || find(this.tables[1 - current], key) >= 0) {
        return true;
      }
      insert(this.tables[current], key);
      if (++this.words[COUNT + current] > SLOTS / 2) {
        this.tables[1 - current].fill(0n);
        this.words[COUNT + 1 - current] = 0;
        this.words[CURRENT] = 1 - current;
      }
      return false;
    } finally {
      Atomics.store(this.words, LOCK, 0);
    }
  }
}

/** A 64-bit key of the whole signature (two 32-bit FNV-1a hashes); never 0 (an empty slot). */
function prefix(signature: Uint8Array): bigint {
  let h1 = 0x811c9dc5, h2 = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < signature.length; i++) {
    h1 = Math.imul(h1 ^ signature[i], 0x01000193);
    h2 = Math.imul(h2 ^ signature[signature.length - 1 - i], 0x01000193);
  }
  const key = BigInt.asIntN(64, (BigInt(h1 >>> 0) << 32n) | BigInt(h2 >>> 0));
  return key === 0n ? 1n : key;
}

function slotOf(key: bigint): number {
  return Number(BigInt.asUintN(32, key ^ (key >> 29n))) & (SLOTS - 1);
}

function find(table: BigInt64Array, key: bigint): number {
  for (let i = slotOf(key);; i = (i + 1) & (SLOTS - 1)) {
    const v = table[i];
    if (v === key) return i;
    if (v === 0n) return -1;
  }
}

function insert(table: BigInt64Array, key: bigint): void {
  let i = slotOf(key);
  while (table[i] !== 0n) i = (i + 1) & (SLOTS - 1);
  table[i] = key;
}
