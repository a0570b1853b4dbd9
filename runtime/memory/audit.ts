// The heap audit: proves that reference counts are right, not only the ones a program
// prints. Every live object is known (allocation registers it while auditing is on); the
// audit counts, for each object, the owned references that other live objects hold to it
// (their complete referents, not only what tp_traverse shows the collector) and those
// the runtime holds from outside any object (registered roots: sys.modules, static types'
// own references, caches...). An object whose ob_refcnt differs from that sum has a
// refcount bug: too high, it leaks; too low, it will be freed while still in use. A live
// object that refers to a freed one is a dangling reference.
//
// Auditing must be switched on before the runtime allocates anything (enableAudit), since
// objects allocated before cannot be found again.

import { PyObject, PyTypeObject } from "../objects/object.ts";
import { addressOf } from "./obmalloc.ts";
import { WeakReference } from "./weakrefs.ts";
import { hasSlotValues, slotsInline, slotValues } from "../objects/slots.ts";

/** Objects whose count cannot run out (None, small ints, identifiers...) are not checked. */
const IMMORTAL_FLOOR = 1 << 28;

type Visit = (o: PyObject) => void;

/** The live objects, while auditing is on (allocation adds, freeing removes). */
let live: Set<PyObject> | null = null;
/** Statically allocated objects (always recorded): their definition holds one reference. */
const statics = new Set<PyObject>();

/** Whether allocation registers objects (read by object.ts on every allocation). */
export let auditing = false;

/** Where each live object was allocated (a JavaScript stack), when asked for. */
let stacks: Map<PyObject, string> | null = null;

/**
 * Switches auditing on; must precede the runtime's first allocation to see everything.
 * With `stacks`, problems report where their object was allocated (slow: for debugging).
 */
export function enableAudit(options: { stacks?: boolean } = {}): void {
  auditing = true;
  live ??= new Set();
  if (options.stacks) stacks ??= new Map();
}

/** An object got its address (PyObject_Init, PyObject_GC_Init). */
export function auditAllocated(o: PyObject): void {
  live!.add(o);
  if (stacks !== null) stacks.set(o, new Error().stack ?? "");
}

/** A statically allocated object (types, singletons): never freed. */
export function auditStatic(o: PyObject): void {
  statics.add(o);
}

/** An object's block went back to the allocator. */
export function auditFreed(o: PyObject): void {
  live!.delete(o);
  stacks?.delete(o);
}

// ---- roots ---------------------------------------------------------------------------------------

const roots: { label: string; visit: (v: Visit) => void }[] = [];

/**
 * Registers references the runtime owns outside any object (a module-level cache, the
 * interpreter state's sys.modules...): `visit` reports each owned reference once.
 */
export function registerRoots(label: string, visit: (v: Visit) => void): void {
  roots.push({ label, visit });
}

// ---- referents -------------------------------------------------------------------------------------

/** A type's complete owned references, where the generic walk would be wrong. */
export type ReferentsFunc = (o: PyObject, visit: Visit) => void;
const byType = new Map<PyTypeObject, ReferentsFunc>();

/**
 * Records shared by several objects (a tee's buffer links, their source iterator) own
 * references once, whoever reaches them: a referents function reports what such a record
 * owns only when `auditFirstVisit(record)` is true, the first time the audit meets it.
 */
let sharedSeen = new Set<object>();
export function auditFirstVisit(record: object): boolean {
  if (sharedSeen.has(record)) return false;
  sharedSeen.add(record);
  return true;
}

/** Registers the referents of a type's instances (and of its subclasses' base part). */
export function registerReferents(type: PyTypeObject, f: ReferentsFunc): void {
  byType.set(type, f);
}

/** The PyObjects of an array of owned references. */
function scanArray(a: readonly unknown[], visit: Visit): void {
  for (let i = 0; i < a.length; i++) {
    const v = a[i];
    if (v instanceof PyObject) visit(v);
  }
}

/**
 * A type's record (ob_data): a PyObject is an owned reference; a record's own fields that
 * hold PyObjects are owned references (FunctionData, ExcData...). Arrays and maps inside a
 * record are not read: they are caches of borrowed pointers as often as not, so a type
 * that owns references there registers its referents.
 */
function scanRecord(v: unknown, visit: Visit): void {
  if (v === null || typeof v !== "object") return;
  if (v instanceof PyObject) {
    visit(v);
    return;
  }
  if (Array.isArray(v) || ArrayBuffer.isView(v) || v instanceof Map) return;
  if (v instanceof WeakReference) {
    if (v.wr_callback !== null) visit(v.wr_callback);
    return;
  }
  const rec = v as Record<string, unknown>;
  for (const key of Object.keys(rec)) {
    const x = rec[key];
    if (x instanceof PyObject) visit(x);
  }
}

/** The owned references of o, each reported once per reference. */
export function referents(o: PyObject, visit: Visit): void {
  const t = o.ob_type;
  // Instances of heap types own a reference to their type.
  if (t.ht !== null) visit(t);
  for (let base: PyTypeObject | null = t; base !== null; base = base.tp_base) {
    const f = byType.get(base);
    if (f !== undefined) {
      f(o, visit);
      genericInstanceFields(o, visit, base);
      return;
    }
  }
  genericFields(o, visit);
}

/**
 * What a subtype's instance adds to the base whose referents are registered: items kept
 * in ob_item (a static subtype's own fields), slots, values, dict.
 */
function genericInstanceFields(o: PyObject, visit: Visit, base: PyTypeObject): void {
  if (o.ob_type === base) return;
  if (o.ob_item !== null) scanArray(o.ob_item, visit);
  if (hasSlotValues(o)) scanArray(slotValues(o), visit);
  if (o.ob_values !== null) scanArray(o.ob_values, visit);
  if (o.ob_dict !== null && base.tp_dictoffset === 0) visit(o.ob_dict);
}

/** The fields every PyObject has, read as owned references. */
function genericFields(o: PyObject, visit: Visit): void {
  // (an instance's inline slot 1 is in ob_val: read with the slots below)
  if (o.ob_val instanceof PyObject && !slotsInline(o.ob_type)) visit(o.ob_val);
  if (o.ob_item !== null) scanArray(o.ob_item, visit);
  if (o.ob_dict !== null) visit(o.ob_dict);
  scanRecord(o.ob_data, visit);
  if (hasSlotValues(o)) scanArray(slotValues(o), visit);
  if (o.ob_values !== null) scanArray(o.ob_values, visit);
}

// ---- the audit ------------------------------------------------------------------------------------

export interface AuditProblem {
  /** "count" (ob_refcnt differs from the references found) or "dangling". */
  kind: "count" | "dangling";
  /** type name, address, and a short repr-free description. */
  object: string;
  refcnt: number;
  /** References found: from live objects and from roots. */
  found: number;
  /** Who refers to it (type names and root labels), for the report. */
  referrers: string[];
  /** Where it was allocated, when auditing records stacks. */
  allocated?: string;
}

export interface AuditReport {
  /** Live objects examined. */
  objects: number;
  problems: AuditProblem[];
}

/** A short description that runs no Python code (no repr). */
function describe(o: PyObject): string {
  const t = o.ob_type;
  let extra = "";
  if (typeof o.ob_val === "string") {
    extra = " " + JSON.stringify((o.ob_val as string).slice(0, 40));
  } else if (o instanceof PyTypeObject) extra = ` '${o.tp_name}'`;
  else if (typeof o.ob_val === "number" || typeof o.ob_val === "bigint") {
    extra = ` ${String(o.ob_val)}`;
  } else if (t.tp_name === "dict") {
    const keys = (o.ob_data as { keys?: (PyObject | null)[] }).keys ?? [];
    const names = keys.filter((k) => k !== null).slice(0, 4).map((k) =>
      typeof k!.ob_val === "string" ? k!.ob_val : k!.ob_type.tp_name
    );
    extra = ` keys ${JSON.stringify(names)}`;
  } else if (o.ob_dict !== null && t.tp_name === "module") {
    extra = " " + describeName(o.ob_dict);
  } else if (o.ob_data !== null && typeof o.ob_data === "object") {
    const d = o.ob_data as Record<string, unknown>;
    for (const k of ["qualname", "name", "co_name", "ml"]) {
      const v = d[k];
      if (v instanceof PyObject && typeof v.ob_val === "string") {
        extra = ` ${v.ob_val}`;
        break;
      }
      if (v !== null && typeof v === "object" && "ml_name" in v) {
        extra = ` ${(v as { ml_name: string }).ml_name}`;
        break;
      }
    }
  }
  return `<${t.tp_name} at 0x${addressOf(o.ob_id).toString(16)}${extra}>`;
}

function describeName(dict: PyObject): string {
  const keys = dict.ob_data as { keys?: (PyObject | null)[]; values?: (PyObject | null)[] };
  const i = (keys.keys ?? []).findIndex((k) => k !== null && k.ob_val === "__name__");
  const v = i >= 0 ? keys.values?.[i] : null;
  return v && typeof v.ob_val === "string" ? v.ob_val : "?";
}

/**
 * Audits the heap: every live object's ob_refcnt against the owned references found to
 * it. Returns the problems found (none when every count is explained).
 */
export function auditHeap(): AuditReport {
  if (live === null) throw new Error("auditHeap: auditing was not enabled at start-up");
  sharedSeen = new Set();
  const found = new Map<PyObject, number>();
  const from = new Map<PyObject, string[]>();
  const problems: AuditProblem[] = [];
  const note = (target: PyObject, who: string) => {
    found.set(target, (found.get(target) ?? 0) + 1);
    let l = from.get(target);
    if (l === undefined) from.set(target, l = []);
    if (l.length < 8) l.push(who);
  };
  // Every live object, and whatever they or the roots refer to (objects made before
  // auditing was switched on are found that way).
  const objects = [...live].filter((o) => o.ob_refcnt > 0);
  for (const o of statics) if (!live.has(o)) objects.push(o);
  const seen = new Set(objects);
  const discover = (r: PyObject) => {
    if (!seen.has(r)) {
      seen.add(r);
      objects.push(r);
    }
  };
  for (const root of roots) root.visit((r) => (note(r, `root:${root.label}`), discover(r)));
  for (const o of statics) note(o, "static");
  for (let i = 0; i < objects.length; i++) {
    const o = objects[i];
    const who = describe(o);
    referents(o, (r) => {
      note(r, who);
      if (r.ob_refcnt <= 0) {
        problems.push({
          kind: "dangling",
          object: describe(r),
          refcnt: r.ob_refcnt,
          found: 0,
          referrers: [describe(o)],
        });
      } else discover(r);
    });
  }
  for (const o of objects) {
    if (o.ob_refcnt >= IMMORTAL_FLOOR) continue;
    const n = found.get(o) ?? 0;
    if (n !== o.ob_refcnt) {
      problems.push({
        kind: "count",
        object: describe(o),
        refcnt: o.ob_refcnt,
        found: n,
        referrers: from.get(o) ?? [],
        allocated: stacks?.get(o)?.split("\n").slice(2, 12).join("\n"),
      });
    }
  }
  return { objects: objects.length, problems };
}

/** The report as text, one line per problem. */
export function formatAudit(r: AuditReport): string {
  const lines = [`heap audit: ${r.objects} objects, ${r.problems.length} problems`];
  for (const p of r.problems) {
    lines.push(
      p.kind === "dangling"
        ? `  dangling: ${p.object} (refcnt ${p.refcnt}) referred to by ${p.referrers.join(", ")}`
        : `  ${p.object}: refcnt ${p.refcnt}, references found ${p.found} [${
          p.referrers.join(", ")
        }]`,
    );
  }
  return lines.join("\n");
}
