// Exception groups: except* support (ceval.c exception_group_match,
// _PyExc_PrepReraiseStar, for plain exceptions and flat groups) and BaseExceptionGroup's
// constructor, derive, split and subgroup (Objects/exceptions.c).

import {
  METH_O,
  Py_DECREF,
  Py_INCREF,
  Py_NewRef,
  Py_None,
  Py_XDECREF,
  PyFunction_Type,
  PyObject,
  PyType_IsSubtype,
  type PyTypeObject,
} from "../objects/object.ts";
import { PyErr_Format } from "../objects/errors.ts";
import {
  BaseException_new_from_args,
  excData,
  PyExc_BaseExceptionGroup,
  PyExc_Exception,
  PyExc_ExceptionGroup,
  PyExc_TypeError,
  PyExc_ValueError,
  PyException_SetCause,
  PyException_SetContext,
  PyException_SetTraceback,
  PyExceptionClass_Check,
  PyExceptionInstance_Check,
} from "../objects/exceptions.ts";
import {
  PyTuple_Check,
  PyTuple_CheckExact,
  PyTuple_FromArray,
  PyTuple_FromArraySteal,
} from "../objects/tupleobject.ts";
import { _Py_ID, PyUnicode_Check, PyUnicode_FromString } from "../objects/unicodeobject.ts";
import { PySequence_Check, PySequence_List, PySequence_Tuple } from "../objects/abstract.ts";
import { callMethodName, PyObject_CallArgs, PyObject_CallOneArg } from "../objects/call.ts";
import { _PyObject_LookupAttr, PyObject_IsTrue, PyObject_SetAttr } from "../objects/objectops.ts";
import { PyList_Append, PyList_New } from "../objects/listobject.ts";

function matches(exc: PyObject, matchType: PyObject): boolean {
  if (PyTuple_Check(matchType)) {
    return (matchType.ob_item as PyObject[]).some((t) => matches(exc, t));
  }
  return PyType_IsSubtype(exc.ob_type, matchType as PyTypeObject);
}

function checkValid(matchType: PyObject): void {
  const types = PyTuple_Check(matchType) ? matchType.ob_item as PyObject[] : [matchType];
  for (const t of types) {
    if (!PyExceptionClass_Check(t)) {
      throw PyErr_Format(
        PyExc_TypeError,
        "catching classes that do not inherit from BaseException is not allowed",
      );
    }
    if (PyType_IsSubtype(t as PyTypeObject, PyExc_BaseExceptionGroup)) {
      throw PyErr_Format(
        PyExc_TypeError,
        "catching ExceptionGroup with except* is not allowed. Use except instead.",
      );
    }
  }
}

/** _PyExc_CreateExceptionGroup: BaseExceptionGroup(msg, excs), which picks the class. */
function createGroup(msg: string, excs: PyObject): PyObject {
  const text = PyUnicode_FromString(msg);
  try {
    return PyObject_CallArgs(PyExc_BaseExceptionGroup, text, excs);
  } finally {
    Py_DECREF(text);
  }
}

/**
 * exception_group_match: [match, rest], new references, for CHECK_EG_MATCH. A matching
 * naked exception is wrapped in a group of its own; a group that matches in part is split by
 * its own split() method (so a subclass's derive() makes the parts); no match is None, None.
 */
export function exceptionGroupMatch(excValue: PyObject, matchType: PyObject): [PyObject, PyObject] {
  checkValid(matchType);
  if (excValue !== Py_None && matches(excValue, matchType)) {
    if (PyType_IsSubtype(excValue.ob_type, PyExc_BaseExceptionGroup)) {
      return [Py_NewRef(excValue), Py_NewRef(Py_None)];
    }
    const excs = PyTuple_FromArray([excValue]);
    try {
      return [createGroup("", excs), Py_NewRef(Py_None)];
    } finally {
      Py_DECREF(excs);
    }
  }
  if (excValue !== Py_None && PyType_IsSubtype(excValue.ob_type, PyExc_BaseExceptionGroup)) {
    const pair = callMethodName(excValue, _Py_ID("split"), [matchType]);
    try {
      const [match, rest] = pair.ob_item as PyObject[];
      return [Py_NewRef(match), Py_NewRef(rest)];
    } finally {
      Py_DECREF(pair);
    }
  }
  return [Py_NewRef(Py_None), Py_NewRef(Py_None)];
}

/** The leaf exceptions of an exception or group, by identity. */
function collectLeaves(exc: PyObject, leaves: Set<PyObject>): void {
  if (exc === Py_None) return;
  if (!PyType_IsSubtype(exc.ob_type, PyExc_BaseExceptionGroup)) {
    leaves.add(exc);
    return;
  }
  for (const e of excData(exc).excs!.ob_item as PyObject[]) collectLeaves(e, leaves);
}

/**
 * Whether e is orig re-raised (a bare `raise` of a part split from it): the same traceback,
 * cause and context. (3.11 compares the exceptions' native notes too, which are always
 * NULL, so notes never tell the two apart.)
 */
function sameMetadata(e: PyObject, orig: PyObject): boolean {
  const a = excData(e), b = excData(orig);
  return a.traceback === b.traceback && a.cause === b.cause && a.context === b.context;
}

/**
 * _PyExc_PrepReraiseStar: what a try-except* raises once its clauses ran, given the caught
 * exception and the list of what each clause raised (None for none). Re-raised parts keep
 * orig's nesting (orig projected onto their leaves); newly raised exceptions become
 * siblings of that projection in a new group with an empty message.
 */
export function prepReraiseStar(orig: PyObject, excs: PyObject): PyObject {
  const items = excs.ob_item as PyObject[];
  if (items.length === 0) return Py_NewRef(Py_None);
  if (!PyType_IsSubtype(orig.ob_type, PyExc_BaseExceptionGroup)) {
    // a naked exception was caught and wrapped: one clause ran, at most one raised
    return Py_NewRef(items[0]);
  }
  const raised: PyObject[] = [];
  const leaves = new Set<PyObject>();
  for (const e of items) {
    if (e === Py_None) continue;
    if (sameMetadata(e, orig)) collectLeaves(e, leaves);
    else raised.push(e);
  }
  const [reraised] = leaves.size === 0 ? [null] : splitGroup(orig, (exc) => leaves.has(exc), false);
  if (raised.length === 0) return reraised ?? Py_NewRef(Py_None);
  const list = PyList_New(0);
  try {
    for (const e of raised) PyList_Append(list, e);
    if (reraised !== null) PyList_Append(list, reraised);
    return createGroup("", list);
  } finally {
    Py_DECREF(list);
    if (reraised !== null) Py_DECREF(reraised);
  }
}

// ---- BaseExceptionGroup's constructor and methods ------------------------------------------------

/**
 * BaseExceptionGroup.__new__: a str message and a non-empty sequence of exceptions (kept as
 * a tuple); BaseExceptionGroup of only Exceptions becomes an ExceptionGroup, and an
 * ExceptionGroup (or a subclass of Exception) refuses BaseExceptions.
 */
export function BaseExceptionGroup_new(
  type: PyTypeObject,
  args: PyObject,
  _kwds: PyObject | null,
): PyObject {
  const items = args.ob_item as PyObject[];
  if (items.length !== 2) {
    throw PyErr_Format(
      PyExc_TypeError,
      `BaseExceptionGroup.__new__() takes exactly 2 arguments (${items.length} given)`,
    );
  }
  const [message, exceptions] = items;
  if (!PyUnicode_Check(message)) {
    throw PyErr_Format(
      PyExc_TypeError,
      `BaseExceptionGroup.__new__() argument 1 must be str, not ${message.ob_type.tp_name}`,
    );
  }
  if (!PySequence_Check(exceptions)) {
    throw PyErr_Format(PyExc_TypeError, "second argument (exceptions) must be a sequence");
  }
  const excs = PySequence_Tuple(exceptions);
  try {
    const list = excs.ob_item as PyObject[];
    if (list.length === 0) {
      throw PyErr_Format(
        PyExc_ValueError,
        "second argument (exceptions) must be a non-empty sequence",
      );
    }
    let nestedBase = false;
    list.forEach((e, i) => {
      if (!PyExceptionInstance_Check(e)) {
        throw PyErr_Format(
          PyExc_ValueError,
          `Item ${i} of second argument (exceptions) is not an exception`,
        );
      }
      if (!PyType_IsSubtype(e.ob_type, PyExc_Exception)) nestedBase = true;
    });
    let cls = type;
    if (cls === PyExc_ExceptionGroup) {
      if (nestedBase) {
        throw PyErr_Format(PyExc_TypeError, "Cannot nest BaseExceptions in an ExceptionGroup");
      }
    } else if (cls === PyExc_BaseExceptionGroup) {
      if (!nestedBase) cls = PyExc_ExceptionGroup;
    } else if (nestedBase && PyType_IsSubtype(cls, PyExc_Exception)) {
      throw PyErr_Format(PyExc_TypeError, `Cannot nest BaseExceptions in '${cls.tp_name}'`);
    }
    Py_INCREF(args);
    const self = BaseException_new_from_args(cls, args);
    const d = excData(self);
    const old = d.excs;
    Py_INCREF(excs);
    d.excs = excs;
    Py_XDECREF(old);
    return self;
  } finally {
    Py_DECREF(excs);
  }
}

/** derive(excs): a group like this one (same message) over other exceptions. */
function BaseExceptionGroup_derive(self: PyObject, excs: PyObject): PyObject {
  const msg = excData(self).msg ?? Py_None;
  return PyObject_CallArgs(PyExc_BaseExceptionGroup, msg, excs);
}

type Matcher = (exc: PyObject) => boolean;

/** get_matcher_type: a function is a predicate; a class or tuple of classes matches by type. */
function matcherOf(value: PyObject): Matcher {
  if (value.ob_type === PyFunction_Type) {
    return (exc) => {
      const r = PyObject_CallOneArg(value, exc);
      try {
        return PyObject_IsTrue(r);
      } finally {
        Py_DECREF(r);
      }
    };
  }
  const classes = PyExceptionClass_Check(value)
    ? [value]
    : PyTuple_CheckExact(value) && (value.ob_item as PyObject[]).every(PyExceptionClass_Check)
    ? value.ob_item as PyObject[]
    : null;
  if (classes === null) {
    throw PyErr_Format(
      PyExc_TypeError,
      "expected a function, exception type or tuple of exception types",
    );
  }
  return (exc) => classes.some((c) => PyType_IsSubtype(exc.ob_type, c as PyTypeObject));
}

/**
 * exceptiongroup_subset: derive() over excs, given the original's traceback, context,
 * cause and a copy of its notes; null for no exceptions.
 */
function groupSubset(orig: PyObject, excs: PyObject[]): PyObject | null {
  if (excs.length === 0) return null;
  const list = PyList_New(0);
  for (const e of excs) PyList_Append(list, e);
  let eg: PyObject;
  try {
    eg = callMethodName(orig, _Py_ID("derive"), [list]);
  } finally {
    Py_DECREF(list);
  }
  try {
    if (!PyType_IsSubtype(eg.ob_type, PyExc_BaseExceptionGroup)) {
      throw PyErr_Format(
        PyExc_TypeError,
        "derive must return an instance of BaseExceptionGroup",
      );
    }
    const d = excData(orig);
    if (d.traceback !== null) PyException_SetTraceback(eg, d.traceback);
    if (d.context !== null) Py_INCREF(d.context);
    PyException_SetContext(eg, d.context);
    if (d.cause !== null) Py_INCREF(d.cause);
    PyException_SetCause(eg, d.cause);
    const notes = _PyObject_LookupAttr(orig, _Py_ID("__notes__"));
    if (notes !== null) {
      try {
        if (PySequence_Check(notes)) {
          const copy = PySequence_List(notes);
          try {
            PyObject_SetAttr(eg, _Py_ID("__notes__"), copy);
          } finally {
            Py_DECREF(copy);
          }
        }
      } finally {
        Py_DECREF(notes);
      }
    }
    return eg;
  } catch (e) {
    Py_DECREF(eg);
    throw e;
  }
}

/** exceptiongroup_split_recursive: [match, rest] as new references or null. */
function splitGroup(
  exc: PyObject,
  matches: Matcher,
  withRest: boolean,
): [PyObject | null, PyObject | null] {
  if (matches(exc)) {
    Py_INCREF(exc);
    return [exc, null];
  }
  if (!PyType_IsSubtype(exc.ob_type, PyExc_BaseExceptionGroup)) {
    if (withRest) Py_INCREF(exc);
    return [null, withRest ? exc : null];
  }
  const matched: PyObject[] = [];
  const rest: PyObject[] = [];
  try {
    for (const e of excData(exc).excs!.ob_item as PyObject[]) {
      const [m, r] = splitGroup(e, matches, withRest);
      if (m !== null) matched.push(m);
      if (r !== null) rest.push(r);
    }
    const match = groupSubset(exc, matched);
    try {
      return [match, withRest ? groupSubset(exc, rest) : null];
    } catch (e) {
      if (match !== null) Py_DECREF(match);
      throw e;
    }
  } finally {
    for (const o of matched) Py_DECREF(o);
    for (const o of rest) Py_DECREF(o);
  }
}

function BaseExceptionGroup_split(self: PyObject, condition: PyObject): PyObject {
  const [match, rest] = splitGroup(self, matcherOf(condition), true);
  return PyTuple_FromArraySteal([match ?? Py_NewRef(Py_None), rest ?? Py_NewRef(Py_None)]);
}

function BaseExceptionGroup_subgroup(self: PyObject, condition: PyObject): PyObject {
  const [match] = splitGroup(self, matcherOf(condition), false);
  return match ?? Py_NewRef(Py_None);
}

PyExc_BaseExceptionGroup.tp_new = BaseExceptionGroup_new;
PyExc_ExceptionGroup.tp_new = BaseExceptionGroup_new;
PyExc_BaseExceptionGroup.tp_methods = [
  ...(PyExc_BaseExceptionGroup.tp_methods ?? []),
  { ml_name: "derive", ml_meth: BaseExceptionGroup_derive, ml_flags: METH_O },
  { ml_name: "split", ml_meth: BaseExceptionGroup_split, ml_flags: METH_O },
  { ml_name: "subgroup", ml_meth: BaseExceptionGroup_subgroup, ml_flags: METH_O },
];
