// The trashcan (Objects/object.c, _PyTrash_begin/_PyTrash_end): deallocating a deeply
// nested structure would recurse once per level. Past 50 nested container deallocations,
// CPython parks the object on a list and frees it once the outermost deallocation is done.
// The order of deallocation (and of `__del__` calls) follows, and the JavaScript stack
// stays shallow.

import type { destructor, PyObject } from "../objects/object.ts";

const UNWIND_LEVEL = 50;
let nesting = 0;
/** Objects deposited for later deallocation, last deposited on top. */
const deleteLater: PyObject[] = [];

/**
 * Py_TRASHCAN_BEGIN. Returns -1 when the object was deposited (the caller must return at
 * once), otherwise a token to pass to trashcanEnd.
 */
export function trashcanBegin(op: PyObject, dealloc: destructor): number {
  if (op.ob_type.tp_dealloc !== dealloc) return 0;
  if (nesting >= UNWIND_LEVEL) {
    deleteLater.push(op);
    return -1;
  }
  nesting++;
  return 1;
}

/** Py_TRASHCAN_END with the token trashcanBegin returned. */
export function trashcanEnd(token: number): void {
  if (token !== 1) return;
  nesting--;
  if (deleteLater.length > 0 && nesting <= 0) destroyChain();
}

function destroyChain(): void {
  nesting++;
  while (deleteLater.length > 0) {
    const op = deleteLater.pop()!;
    op.ob_type.tp_dealloc!(op);
  }
  nesting--;
}
