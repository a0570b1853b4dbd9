// A C function's internal docstring may open with its signature, in the form Argument
// Clinic writes: the function's name, its parameters in parentheses, then a line "--" and
// a blank line ("len($module, obj, /)\n--\n\n"), then the docstring proper. Python sees
// the two apart: __text_signature__ is the parenthesised part, __doc__ what follows (None
// when nothing does). typeobject.c's _PyType_GetTextSignatureFromInternalDoc and
// _PyType_GetDocFromInternalDoc draw the line; these draw it where they do.

const END = ")\n--\n\n";

/** Where the parameters start in `doc` (its "("), or -1 when it does not open with `name(`. */
function signatureStart(name: string, doc: string): number {
  const short = name.slice(name.lastIndexOf(".") + 1);
  return doc.startsWith(short) && doc[short.length] === "(" ? short.length : -1;
}

/**
 * Where the end marker sits, looking from `start`, or -1: a blank line before it means the
 * docstring merely begins with something that looks like a call.
 */
function signatureEnd(doc: string, start: number): number {
  const end = doc.indexOf(END, start);
  const blank = doc.indexOf("\n\n", start);
  return end >= 0 && (blank < 0 || end < blank) ? end : -1;
}

/** `__text_signature__` of a function with this name and internal docstring, or null. */
export function textSignatureFromInternalDoc(name: string, doc: string | null): string | null {
  if (doc === null) return null;
  const start = signatureStart(name, doc);
  if (start < 0) return null;
  const end = signatureEnd(doc, start);
  return end < 0 ? null : doc.slice(start, end + 1);
}

/** `__doc__` of a function with this name and internal docstring: null stands for None. */
export function docFromInternalDoc(name: string, doc: string | null): string | null {
  if (doc === null) return null;
  const start = signatureStart(name, doc);
  const end = start < 0 ? -1 : signatureEnd(doc, start);
  const rest = end < 0 ? doc : doc.slice(end + END.length);
  return rest === "" ? null : rest;
}
