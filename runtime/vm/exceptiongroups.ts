// except* support (ceval.c exception_group_match, _PyExc_PrepReraiseStar): a minimal
// version that handles plain exceptions and flat groups.

import {
  Py_DECREF,
  Py_None,
  PyObject,
  PyType_IsSubtype,
  type PyTypeObject,
} from "../objects/object.ts";
import { PyErr_Format } from "../objects/errors.ts";
import {
  BaseException_new_from_args,
  excData,
  PyExc_BaseExceptionGroup,
  PyExc_ExceptionGroup,
  PyExc_TypeError,
  PyExceptionClass_Check,
} from "../objects/exceptions.ts";
import { PyTuple_Check, PyTuple_FromArray } from "../objects/tupleobject.ts";
import { PyUnicode_FromString } from "../objects/unicodeobject.ts";

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

function makeGroup(orig: PyObject, excs: PyObject[]): PyObject {
  const d = excData(orig);
  const msg = d.msg ?? PyUnicode_FromString("");
  if (d.msg !== null) msg.ob_refcnt++;
  const tuple = PyTuple_FromArray(excs);
  const type =
    excs.every((e) => PyType_IsSubtype(e.ob_type, PyExc_ExceptionGroup.tp_base! as PyTypeObject))
      ? orig.ob_type
      : PyExc_BaseExceptionGroup;
  const args = PyTuple_FromArray([msg, tuple]);
  Py_DECREF(msg);
  Py_DECREF(tuple);
  return BaseException_new_from_args(type, args);
}

/** exception_group_match: [match, rest] (None when nothing matched / nothing left). */
export function exceptionGroupMatch(excValue: PyObject, matchType: PyObject): [PyObject, PyObject] {
  checkValid(matchType);
  if (excValue === Py_None) {
    Py_None.ob_refcnt += 2;
    return [Py_None, Py_None];
  }
  if (matches(excValue, matchType)) {
    if (PyType_IsSubtype(excValue.ob_type, PyExc_BaseExceptionGroup)) {
      excValue.ob_refcnt++;
      Py_None.ob_refcnt++;
      return [excValue, Py_None];
    }
    // A naked exception matching except*: wrap it in an ExceptionGroup.
    const group = makeGroup(
      BaseException_new_from_args(
        PyExc_ExceptionGroup,
        PyTuple_FromArray([PyUnicode_FromString("")]),
      ),
      [excValue],
    );
    Py_None.ob_refcnt++;
    return [group, Py_None];
  }
  if (PyType_IsSubtype(excValue.ob_type, PyExc_BaseExceptionGroup)) {
    const excs = (excData(excValue).excs?.ob_item ?? []) as PyObject[];
    const m = excs.filter((e) => matches(e, matchType));
    const r = excs.filter((e) => !matches(e, matchType));
    if (m.length === 0) {
      Py_None.ob_refcnt++;
      excValue.ob_refcnt++;
      return [Py_None, excValue];
    }
    const match = makeGroup(excValue, m);
    const rest = r.length ? makeGroup(excValue, r) : (Py_None.ob_refcnt++, Py_None);
    return [match, rest];
  }
  Py_None.ob_refcnt++;
  excValue.ob_refcnt++;
  return [Py_None, excValue];
}

/** _PyExc_PrepReraiseStar: the exception to re-raise after except* clauses (or None). */
export function prepReraiseStar(orig: PyObject, excs: PyObject): PyObject {
  const raised = (excs.ob_item as PyObject[]).filter((e) => e !== Py_None);
  if (raised.length === 0) {
    Py_None.ob_refcnt++;
    return Py_None;
  }
  if (raised.length === 1) {
    raised[0].ob_refcnt++;
    return raised[0];
  }
  return makeGroup(orig, raised);
}
