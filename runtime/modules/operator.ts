// The operator module (Lib/operator.py): _operator's functions and types under their
// public names, with the dunder aliases (operator.__add__ is operator.add).

import { registerFrozenModule } from "./frozen.ts";

registerFrozenModule(
  "operator",
  String.raw`"""
Operator interface.

This module exports a set of functions implemented in C corresponding
to the intrinsic operators of Python.  For example, operator.add(x, y)
is equivalent to the expression x+y.  The function names are those
used for special methods; variants without leading and trailing
'__' are also provided for convenience.
"""

__all__ = ['abs', 'add', 'and_', 'attrgetter', 'call', 'concat', 'contains', 'countOf',
           'delitem', 'eq', 'floordiv', 'ge', 'getitem', 'gt', 'iadd', 'iand',
           'iconcat', 'ifloordiv', 'ilshift', 'imatmul', 'imod', 'imul',
           'index', 'indexOf', 'inv', 'invert', 'ior', 'ipow', 'irshift',
           'is_', 'is_not', 'isub', 'itemgetter', 'itruediv', 'ixor', 'le',
           'length_hint', 'lshift', 'lt', 'matmul', 'methodcaller', 'mod',
           'mul', 'ne', 'neg', 'not_', 'or_', 'pos', 'pow', 'rshift',
           'setitem', 'sub', 'truediv', 'truth', 'xor']

from _operator import *

# Each operator is also reachable under its special-method name (operator.__add__ is
# operator.add); the trailing underscore of and_, or_ and not_ is dropped there.
for _fn in (lt, le, eq, ne, ge, gt, not_, abs, add, and_, call, floordiv, index, inv,
            invert, lshift, mod, mul, matmul, neg, or_, pos, pow, rshift, sub, truediv,
            xor, concat, contains, delitem, getitem, setitem, iadd, iand, iconcat,
            ifloordiv, ilshift, imod, imul, imatmul, ior, ipow, irshift, isub,
            itruediv, ixor):
    globals()[f"__{_fn.__name__.rstrip('_')}__"] = _fn
del _fn
`,
);
