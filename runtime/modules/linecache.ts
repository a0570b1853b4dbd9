// The linecache module (Lib/linecache.py's interface), written for glasspy: lines of source
// files by name, kept in `cache` once read. The text comes from what the interpreter already
// holds for the code it compiled (a script, a notebook cell, compile() input registered by
// the shell) and otherwise from the file; names in angle brackets are not files. Entries a
// program puts in `cache` itself (as IPython does for its cells) answer first.

import { METH_O, Py_DECREF, Py_INCREF, Py_None, type PyObject } from "../objects/object.ts";
import { PyDict_SetItemString } from "../objects/dictobject.ts";
import { PyCFunction_New } from "../objects/methodobject.ts";
import { PyUnicode_FromString } from "../objects/unicodeobject.ts";
import { str } from "../objects/objectops.ts";
import { sourceLines, sourceText } from "../vm/traceback.ts";
import { PyList_FromArraySteal } from "../objects/listobject.ts";
import { PyTuple_FromArraySteal } from "../objects/tupleobject.ts";
import { PyLong_FromNumber } from "../objects/longobject.ts";
import { registerFrozenModule } from "./frozen.ts";

/** _source_lines(filename): (size, lines without their newlines) of the file, or None. */
function linecache_source_lines(_m: PyObject, arg: PyObject): PyObject {
  const name = str(arg);
  const lines = sourceLines(name);
  if (lines === null) {
    Py_INCREF(Py_None);
    return Py_None;
  }
  const items = PyList_FromArraySteal(lines.map((l) => PyUnicode_FromString(l)));
  return PyTuple_FromArraySteal([PyLong_FromNumber(sourceText(name)!.length), items]);
}

registerFrozenModule(
  "linecache",
  String.raw`"""Lines of source files by file name, read once and then kept in the cache."""

__all__ = ["getline", "clearcache", "checkcache", "lazycache"]

# file name -> (size, mtime, lines, full name); a 1-tuple marks a lazy entry
cache = {}


def getline(filename, lineno, module_globals=None):
    """Line number lineno (from 1) of the file, with its newline; '' when there is none."""
    lines = getlines(filename, module_globals)
    return lines[lineno - 1] if 1 <= lineno <= len(lines) else ''


def getlines(filename, module_globals=None):
    """All lines of the file, each ending in a newline; [] when the file is unknown."""
    entry = cache.get(filename)
    return updatecache(filename, module_globals) if entry is None or len(entry) == 1 else entry[2]


def clearcache():
    """Forgets every file read so far."""
    cache.clear()


def checkcache(filename=None):
    """Drops entries whose file changed on disk. The sources glasspy holds for the code it
    compiled do not change under it, so nothing is dropped."""


def updatecache(filename, module_globals=None):
    """Reads the file's lines again and keeps them; [] when it cannot be read."""
    cache.pop(filename, None)
    if not filename:
        return []
    found = _source_lines(filename)
    if found is None:
        return []
    size, lines = found
    lines = [line + '\n' for line in lines]
    cache[filename] = (size, None, lines, filename)
    return lines


def lazycache(filename, module_globals):
    """CPython notes a module's loader to read its source later; glasspy's loaders are
    built in, so there is never anything to note."""
    return False
`,
  (d) => {
    const f = PyCFunction_New(
      { ml_name: "_source_lines", ml_meth: linecache_source_lines, ml_flags: METH_O },
      null,
    );
    PyDict_SetItemString(d, "_source_lines", f);
    Py_DECREF(f);
  },
);
