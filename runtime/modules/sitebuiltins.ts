// The `exit` and `quit` objects that the site module puts into builtins when `python3
// FILE.py` starts (_sitebuiltins.Quitter): calling one raises SystemExit with the code
// given; its repr says how to leave an interactive session.

import {
  newObject,
  newStaticType,
  Py_INCREF,
  PyObject,
  PyObject_Free,
  PyObject_Init,
} from "../objects/object.ts";
import { PyErr_Format } from "../objects/errors.ts";
import {
  BaseException_new_from_args,
  PyExc_SystemExit,
  PyExc_TypeError,
} from "../objects/exceptions.ts";
import { PyTuple_FromArray, tuple_empty } from "../objects/tupleobject.ts";
import { PyUnicode_FromString } from "../objects/unicodeobject.ts";
import { PyDict_Size } from "../objects/dictobject.ts";
import { PyObject_GenericGetAttr } from "../objects/objectops.ts";

export const Quitter_Type = newStaticType("_sitebuiltins.Quitter", 48, 0);

interface Quitter extends PyObject {
  ob_data: { name: string };
}

Quitter_Type.tp_dealloc = (o) => PyObject_Free(o);
Quitter_Type.tp_getattro = PyObject_GenericGetAttr;
Quitter_Type.tp_repr = (o) =>
  PyUnicode_FromString(`Use ${(o as Quitter).ob_data.name}() or Ctrl-D (i.e. EOF) to exit`);
Quitter_Type.tp_call = (o, args, kwds) => {
  const items = args.ob_item as PyObject[];
  if ((kwds !== null && PyDict_Size(kwds) > 0) || items.length > 1) {
    throw PyErr_Format(
      PyExc_TypeError,
      kwds !== null && PyDict_Size(kwds) > 0
        ? "Quitter.__call__() got an unexpected keyword argument"
        : `Quitter.__call__() takes from 1 to 2 positional arguments but ${
          items.length + 1
        } were given`,
    );
  }
  void o;
  if (items.length === 0) {
    Py_INCREF(tuple_empty);
    throw BaseException_new_from_args(PyExc_SystemExit, tuple_empty);
  }
  throw BaseException_new_from_args(PyExc_SystemExit, PyTuple_FromArray([items[0]]));
};

/** A new Quitter named `name` ("exit" or "quit"). */
export function makeQuitter(name: string): PyObject {
  const q = newObject(Quitter_Type) as Quitter;
  PyObject_Init(q, 48);
  q.ob_data = { name };
  return q;
}
