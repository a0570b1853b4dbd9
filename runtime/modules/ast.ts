// The ast module (Lib/ast.py's interface), written for glasspy: parse() is compile() with
// PyCF_ONLY_AST, which hands the compiler's own parser tree over as the node classes of
// _ast (_ast.ts); the rest works on those objects in Python — dump, literal_eval, the
// location helpers, the visitors and walk, get_docstring, get_source_segment, and unparse
// (astunparse.ts), which writes source back as CPython's ast.unparse does.

import { registerFrozenModule } from "./frozen.ts";
import { UNPARSE_SOURCE } from "./astunparse.ts";

registerFrozenModule(
  "ast",
  String.raw`"""The abstract syntax tree of Python source: the parser's nodes as objects, and tools
to print, walk, change and write them back as source."""

import sys
from _ast import *
import _ast
from collections import deque as _deque


def parse(source, filename='<unknown>', mode='exec', *, type_comments=False,
          feature_version=None):
    """Parse source into a tree of nodes (compile() with PyCF_ONLY_AST)."""
    flags = PyCF_ONLY_AST | (PyCF_TYPE_COMMENTS if type_comments else 0)
    return compile(source, filename, mode, flags)


# ---- literal_eval -----------------------------------------------------------------------

def _malformed(node):
    where = getattr(node, 'lineno', None)
    text = 'malformed node or string'
    if where:
        text = f'{text} on line {where}'
    return ValueError(f'{text}: {node!r}')


def _number(node, signed):
    """The value of a numeric constant, or of + or - applied to one when signed."""
    if signed and isinstance(node, UnaryOp) and type(node.op) in (UAdd, USub):
        value = _number(node.operand, False)
        return -value if type(node.op) is USub else +value
    if isinstance(node, Constant) and type(node.value) in (int, float, complex):
        return node.value
    raise _malformed(node)


def _literal(node):
    if isinstance(node, Constant):
        return node.value
    if isinstance(node, (Tuple, List, Set)):
        items = [_literal(item) for item in node.elts]
        return tuple(items) if isinstance(node, Tuple) else (
            items if isinstance(node, List) else set(items))
    if isinstance(node, Call) and isinstance(node.func, Name) and node.func.id == 'set' \
            and node.args == [] and node.keywords == []:
        return set()
    if isinstance(node, Dict):
        if len(node.keys) != len(node.values):
            raise _malformed(node)
        return {_literal(k): _literal(v) for k, v in zip(node.keys, node.values)}
    if isinstance(node, BinOp) and type(node.op) in (Add, Sub):
        real = _number(node.left, True)
        imag = _number(node.right, False)
        if isinstance(real, (int, float)) and isinstance(imag, complex):
            return real - imag if type(node.op) is Sub else real + imag
    return _number(node, True)


def literal_eval(node_or_string):
    """Evaluate a node, or a string of source, holding only a literal: strings, bytes,
    numbers, tuples, lists, dicts, sets, booleans, None and Ellipsis."""
    node = node_or_string
    if isinstance(node, str):
        node = parse(node.lstrip(" \t"), mode='eval')
    if isinstance(node, Expression):
        node = node.body
    return _literal(node)


# ---- dump -------------------------------------------------------------------------------

def dump(node, annotate_fields=True, include_attributes=False, *, indent=None):
    """The tree as text: each node as its class called with its fields (and, with
    include_attributes, its positions); indent (spaces or a string) puts each field on
    its own line, nested deeper at each level."""
    if not isinstance(node, AST):
        raise TypeError(f'expected AST, got {type(node).__name__!r}')
    if indent is not None and not isinstance(indent, str):
        indent = ' ' * indent

    def show(value, depth):
        # (text, whether it is short enough to keep on one line with its siblings)
        if indent is None:
            lead, joint = '', ', '
        else:
            lead = '\n' + indent * (depth + 1)
            joint = ',' + lead
        if isinstance(value, list):
            if not value:
                return '[]', True
            return '[' + lead + joint.join(show(v, depth + 1)[0] for v in value) + ']', False
        if not isinstance(value, AST):
            return repr(value), True
        cls = type(value)
        parts = []
        all_short = True
        named = annotate_fields
        for slot in cls._fields:
            if not hasattr(value, slot):
                named = True
                continue
            item = getattr(value, slot)
            if item is None and getattr(cls, slot, ...) is None:
                named = True
                continue
            text, short = show(item, depth + 1)
            all_short = all_short and short
            parts.append(f'{slot}={text}' if named else text)
        if include_attributes:
            for slot in cls._attributes:
                if not hasattr(value, slot):
                    continue
                item = getattr(value, slot)
                if item is None and getattr(cls, slot, ...) is None:
                    continue
                text, short = show(item, depth + 1)
                all_short = all_short and short
                parts.append(f'{slot}={text}')
        name = cls.__name__
        if all_short and len(parts) <= 3:
            return f'{name}({", ".join(parts)})', not parts
        return f'{name}({lead}{joint.join(parts)})', False

    return show(node, 0)[0]


# ---- positions --------------------------------------------------------------------------

_POSITIONS = ('lineno', 'col_offset', 'end_lineno', 'end_col_offset')


def copy_location(new_node, old_node):
    """Give new_node old_node's source position (where both have positions); returns
    new_node."""
    for slot in _POSITIONS:
        if slot not in old_node._attributes or slot not in new_node._attributes:
            continue
        present = hasattr(old_node, slot)
        value = getattr(old_node, slot, None)
        # the end positions may be None, and are copied so
        if value is not None or (present and slot.startswith('end_')):
            setattr(new_node, slot, value)
    return new_node


def fix_missing_locations(node):
    """Fill in the positions that nodes of the tree lack from their parents' (starting at
    line 1, column 0), as compile() needs them; returns node."""
    pending = [(node, (1, 0, 1, 0))]
    while pending:
        current, inherited = pending.pop()
        here = list(inherited)
        for index, slot in enumerate(_POSITIONS):
            if slot not in current._attributes:
                continue
            if slot.startswith('end_'):
                known = getattr(current, slot, None) is not None
            else:
                known = hasattr(current, slot)
            if known:
                here[index] = getattr(current, slot)
            else:
                setattr(current, slot, here[index])
        children = list(iter_child_nodes(current))
        pending.extend((child, tuple(here)) for child in reversed(children))
    return node


def increment_lineno(node, n=1):
    """Move every node of the tree n lines down (its line and end line); returns node."""
    for each in walk(node):
        if isinstance(each, TypeIgnore):
            each.lineno = getattr(each, 'lineno', 0) + n
            continue
        if 'lineno' in each._attributes:
            each.lineno = getattr(each, 'lineno', 0) + n
        if 'end_lineno' in each._attributes:
            end = getattr(each, 'end_lineno', 0)
            if end is not None:
                each.end_lineno = end + n
    return node


# ---- walking ----------------------------------------------------------------------------

def iter_fields(node):
    """(name, value) for each field the node has, in _fields order."""
    for slot in node._fields:
        if hasattr(node, slot):
            yield slot, getattr(node, slot)


def iter_child_nodes(node):
    """The nodes directly below node: fields that are nodes, and the nodes in list
    fields."""
    for _, value in iter_fields(node):
        if isinstance(value, list):
            yield from (item for item in value if isinstance(item, AST))
        elif isinstance(value, AST):
            yield value


def walk(node):
    """Every node of the tree under node (node first), breadth first; the order is not
    to be relied on."""
    queue = _deque([node])
    while queue:
        current = queue.popleft()
        queue.extend(iter_child_nodes(current))
        yield current


class NodeVisitor(object):
    """Walks a tree calling self.visit_CLASSNAME(node) for each node that has such a
    method, and generic_visit (which visits the children) for the others."""

    def visit(self, node):
        handler = getattr(self, 'visit_' + type(node).__name__, None)
        if handler is None:
            handler = self.generic_visit
        return handler(node)

    def generic_visit(self, node):
        for child in iter_child_nodes(node):
            self.visit(child)

    def visit_Constant(self, node):
        # the visitors of the old constant classes still see their constants
        old = _OLD_NAMES.get(type(node.value))
        if old is not None:
            method = getattr(self, 'visit_' + old, None)
            if method is not None:
                import warnings
                warnings.warn(f'visit_{old} is deprecated; add visit_Constant',
                              DeprecationWarning, 2)
                return method(node)
        return self.generic_visit(node)


class NodeTransformer(NodeVisitor):
    """A NodeVisitor whose visit methods return what replaces the node: the node itself
    to keep it, None to remove it, another node, or (in a list field) a list of nodes to
    splice in."""

    def generic_visit(self, node):
        for slot, value in iter_fields(node):
            if isinstance(value, AST):
                replacement = self.visit(value)
                if replacement is None:
                    delattr(node, slot)
                else:
                    setattr(node, slot, replacement)
            elif isinstance(value, list):
                value[:] = self._visit_all(value)
        return node

    def _visit_all(self, items):
        # the new contents of a list field: non-nodes kept, nodes replaced by what their
        # visit gives (None drops one, a list is spliced in)
        for item in items:
            result = self.visit(item) if isinstance(item, AST) else item
            if result is None:
                continue
            if isinstance(item, AST) and not isinstance(result, AST):
                yield from result
            else:
                yield result


# ---- docstrings and source segments -----------------------------------------------------

def get_docstring(node, clean=True):
    """The docstring of a module, class or function node (None if it has none);
    cleaned as inspect.cleandoc cleans it unless clean is false."""
    if not isinstance(node, (AsyncFunctionDef, FunctionDef, ClassDef, Module)):
        raise TypeError(f"{type(node).__name__!r} can't have docstrings")
    body = node.body
    if not body or not isinstance(body[0], Expr):
        return None
    first = body[0].value
    if not (isinstance(first, Constant) and isinstance(first.value, str)):
        return None
    return _clean_docstring(first.value) if clean else first.value


def _clean_docstring(text):
    # inspect.cleandoc: tabs expanded, the first line stripped on the left, the common
    # indentation of the others removed, blank lines at either end dropped
    lines = text.expandtabs().split('\n')
    indents = [len(line) - len(line.lstrip()) for line in lines[1:] if line.lstrip()]
    cut = min(indents) if indents else 0
    lines = [lines[0].lstrip()] + [line[cut:] for line in lines[1:]]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        del lines[0]
    return '\n'.join(lines)


def _source_lines(source):
    # lines as the parser counts them: \r\n, \r and \n end a line, form feeds do not
    lines = []
    start = 0
    i = 0
    n = len(source)
    while i < n:
        c = source[i]
        if c == '\r' or c == '\n':
            end = i + 2 if c == '\r' and source[i + 1:i + 2] == '\n' else i + 1
            lines.append(source[start:end])
            start = i = end
        else:
            i += 1
    if start < n:
        lines.append(source[start:])
    return lines


def _blank_prefix(text):
    return ''.join(c if c in ' \t\f' else ' ' for c in text)


def get_source_segment(source, node, *, padded=False):
    """The text of source that node was parsed from (None without end positions);
    padded keeps the first line's indentation as spaces."""
    try:
        if node.end_lineno is None or node.end_col_offset is None:
            return None
        first, last = node.lineno - 1, node.end_lineno - 1
        start, end = node.col_offset, node.end_col_offset
    except AttributeError:
        return None
    lines = _source_lines(source)
    # the columns count UTF-8 bytes
    if first == last:
        return lines[first].encode()[start:end].decode()
    head = lines[first].encode()[start:].decode()
    tail = lines[last].encode()[:end].decode()
    if padded:
        head = _blank_prefix(lines[first].encode()[:start].decode()) + head
    return ''.join([head, *lines[first + 1:last], tail])


# ---- the names of older Pythons ---------------------------------------------------------

_OLD_NAMES = {int: 'Num', float: 'Num', complex: 'Num', str: 'Str', bytes: 'Bytes',
              bool: 'NameConstant', type(None): 'NameConstant', type(...): 'Ellipsis'}


def _constant_value(self):
    return self.value


def _set_constant_value(self, value):
    self.value = value


Constant.n = property(_constant_value, _set_constant_value)
Constant.s = property(_constant_value, _set_constant_value)


class _OldConstantKind(type):
    def __instancecheck__(cls, instance):
        if not isinstance(instance, Constant):
            return False
        return cls.__name__ == _OLD_NAMES.get(type(instance.value))


def _old_constant(name, field):
    def make(cls, *args, **kwargs):
        if args:
            kwargs.setdefault(field, args[0])
        if field in kwargs and field != 'value':
            kwargs['value'] = kwargs.pop(field)
        node = Constant(**kwargs)
        return node
    return _OldConstantKind(name, (Constant,), {'__new__': make, '__module__': 'ast',
                                                '_fields': (field,)})


Num = _old_constant('Num', 'n')
Str = _old_constant('Str', 's')
Bytes = _old_constant('Bytes', 's')
NameConstant = _old_constant('NameConstant', 'value')
Ellipsis = _old_constant('Ellipsis', 'value')
del _old_constant


def _index(cls, value, **kwargs):
    return value


def _extslice(cls, dims=(), **kwargs):
    return Tuple(list(dims), Load(), **kwargs)


# the classes of 3.8's trees that 3.9 dropped: names kept so old code still imports them
slice = type('slice', (AST,), {'__module__': 'ast', '__doc__': 'Deprecated AST node class.'})
for _name, _base, _make in [('Index', slice, _index), ('ExtSlice', slice, _extslice),
                            ('Suite', mod, None), ('AugLoad', expr_context, None),
                            ('AugStore', expr_context, None), ('Param', expr_context, None)]:
    _body = {'__module__': 'ast', '__doc__': 'Deprecated AST node class.'}
    if _make is not None:
        _body['__new__'] = _make
    globals()[_name] = type(_name, (_base,), _body)
del _name, _base, _make, _body, _index, _extslice


` + UNPARSE_SOURCE,
);
