// The json module (Lib/json's interface: dumps, dump, loads, load, JSONEncoder,
// JSONDecoder, JSONDecodeError), written for glasspy. The decoder reports errors at the
// positions and with the messages of CPython's C scanner (_json.c), which CPython uses.

import { registerFrozenModule } from "./frozen.ts";

registerFrozenModule(
  "json",
  String.raw`"""JSON (JavaScript Object Notation) encoding and decoding: dumps() writes Python
values as JSON text, loads() reads JSON text into Python values."""

__all__ = ['dump', 'dumps', 'load', 'loads', 'JSONDecoder', 'JSONDecodeError',
           'JSONEncoder']

_SPACE = ' \t\n\r'
_INFINITY = float('inf')


class JSONDecodeError(ValueError):
    """Bad JSON text: msg, doc, pos, and the lineno and colno of pos."""

    def __init__(self, msg, doc, pos):
        # lines and columns count from 1
        before = doc[:pos]
        lineno = before.count('\n') + 1
        colno = pos - before.rfind('\n')
        ValueError.__init__(self, f'{msg}: line {lineno} column {colno} (char {pos})')
        self.msg, self.doc, self.pos = msg, doc, pos
        self.lineno, self.colno = lineno, colno

    def __reduce__(self):
        return type(self), (self.msg, self.doc, self.pos)


# ---- writing ------------------------------------------------------------------------------

_SHORT_ESCAPES = {'\\': '\\\\', '"': '\\"', '\b': '\\b', '\f': '\\f', '\n': '\\n',
                  '\r': '\\r', '\t': '\\t'}


def _quote(text, ascii_only):
    out = ['"']
    for ch in text:
        short = _SHORT_ESCAPES.get(ch)
        if short is not None:
            out.append(short)
            continue
        code = ord(ch)
        if code < 0x20 or (ascii_only and code > 0x7e):
            if code > 0xffff:
                code -= 0x10000
                out.append('\\u%04x\\u%04x' % (0xd800 | (code >> 10), 0xdc00 | (code & 0x3ff)))
            else:
                out.append('\\u%04x' % code)
        else:
            out.append(ch)
    out.append('"')
    return ''.join(out)


class JSONEncoder(object):
    """Writes Python values as JSON: dict as object, list and tuple as array, str as
    string, int and float as number, True/False/None as true/false/null; other objects
    through default()."""

    item_separator = ', '
    key_separator = ': '

    def __init__(self, *, skipkeys=False, ensure_ascii=True, check_circular=True,
                 allow_nan=True, sort_keys=False, indent=None, separators=None,
                 default=None):
        self.skipkeys, self.ensure_ascii = skipkeys, ensure_ascii
        self.check_circular, self.allow_nan = check_circular, allow_nan
        self.sort_keys, self.indent = sort_keys, indent
        if separators is None and indent is not None:
            self.item_separator = ','  # no spaces before the newlines of indented output
        elif separators is not None:
            self.item_separator, self.key_separator = separators
        if default is not None:
            self.default = default

    def encode(self, o):
        """The JSON text of o."""
        if isinstance(o, str):
            return _quote(o, self.ensure_ascii)
        return ''.join(self.iterencode(o, _one_shot=True))

    def default(self, o):
        """Turn an object json cannot write into one it can (or raise TypeError)."""
        raise TypeError(f'Object of type {o.__class__.__name__} is not JSON serializable')

    def _number(self, value):
        if value != value:
            text = 'NaN'
        elif value == _INFINITY:
            text = 'Infinity'
        elif value == -_INFINITY:
            text = '-Infinity'
        else:
            return float.__repr__(value)
        if not self.allow_nan:
            raise ValueError('Out of range float values are not JSON compliant')
        return text

    def iterencode(self, o, _one_shot=False):
        """The JSON text of o in pieces."""
        indent = self.indent
        if indent is not None and not isinstance(indent, str):
            indent = ' ' * indent
        seen = {} if self.check_circular else None
        pieces = []
        self._write(o, 0, indent, seen, pieces)
        return iter(pieces)

    def _scalar(self, o):
        if isinstance(o, str):
            return _quote(o, self.ensure_ascii)
        if o is None:
            return 'null'
        if o is True:
            return 'true'
        if o is False:
            return 'false'
        if isinstance(o, int):
            return int.__repr__(o)
        if isinstance(o, float):
            return self._number(o)
        return None

    def _enter(self, o, seen):
        if seen is None:
            return None
        key = id(o)
        if key in seen:
            raise ValueError('Circular reference detected')
        seen[key] = o
        return key

    def _write(self, o, depth, indent, seen, out):
        text = self._scalar(o)
        if text is not None:
            out.append(text)
            return
        if isinstance(o, (list, tuple)):
            self._write_array(o, depth, indent, seen, out)
        elif isinstance(o, dict):
            self._write_object(o, depth, indent, seen, out)
        else:
            key = self._enter(o, seen)
            self._write(self.default(o), depth, indent, seen, out)
            if key is not None:
                del seen[key]

    def _layout(self, depth, indent):
        # (what opens a nested level, what separates its items, what closes it)
        if indent is None:
            return '', self.item_separator, ''
        inner = '\n' + indent * (depth + 1)
        return inner, self.item_separator + inner, '\n' + indent * depth

    def _write_array(self, items, depth, indent, seen, out):
        if not items:
            out.append('[]')
            return
        key = self._enter(items, seen)
        opening, between, closing = self._layout(depth, indent)
        out.append('[' + opening)
        for index, item in enumerate(items):
            if index:
                out.append(between)
            self._write(item, depth + 1, indent, seen, out)
        out.append(closing + ']')
        if key is not None:
            del seen[key]

    def _key(self, key):
        if isinstance(key, str):
            return key
        if isinstance(key, float):
            return self._number(key)
        if key is True:
            return 'true'
        if key is False:
            return 'false'
        if key is None:
            return 'null'
        if isinstance(key, int):
            return int.__repr__(key)
        if self.skipkeys:
            return None
        raise TypeError(f'keys must be str, int, float, bool or None, not '
                        f'{key.__class__.__name__}')

    def _write_object(self, mapping, depth, indent, seen, out):
        if not mapping:
            out.append('{}')
            return
        key = self._enter(mapping, seen)
        opening, between, closing = self._layout(depth, indent)
        out.append('{' + opening)
        pairs = sorted(mapping.items()) if self.sort_keys else mapping.items()
        first = True
        for name, value in pairs:
            text = self._key(name)
            if text is None:
                continue
            if not first:
                out.append(between)
            first = False
            out.append(_quote(text, self.ensure_ascii) + self.key_separator)
            self._write(value, depth + 1, indent, seen, out)
        out.append(closing + '}')
        if key is not None:
            del seen[key]


_default_encoder = JSONEncoder()


def dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True,
          cls=None, indent=None, separators=None, default=None, sort_keys=False, **kw):
    """obj as a JSON str (see JSONEncoder for the options)."""
    if (not skipkeys and ensure_ascii and check_circular and allow_nan and cls is None
            and indent is None and separators is None and default is None
            and not sort_keys and not kw):
        return _default_encoder.encode(obj)
    maker = JSONEncoder if cls is None else cls
    return maker(skipkeys=skipkeys, ensure_ascii=ensure_ascii,
                 check_circular=check_circular, allow_nan=allow_nan, indent=indent,
                 separators=separators, default=default, sort_keys=sort_keys,
                 **kw).encode(obj)


def dump(obj, fp, **options):
    """Write obj as JSON to the file-like object fp (its write method)."""
    encoder_options = dict(options)
    maker = encoder_options.pop('cls', None) or JSONEncoder
    for chunk in maker(**encoder_options).iterencode(obj):
        fp.write(chunk)


# ---- reading ------------------------------------------------------------------------------

_ESCAPED = {'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r',
            't': '\t'}
_DIGITS = '0123456789'


def _skip(text, at):
    end = len(text)
    while at < end and text[at] in _SPACE:
        at += 1
    return at


class _Reader:
    def __init__(self, decoder, text):
        self.text = text
        self.strict = decoder.strict
        self.object_hook = decoder.object_hook
        self.object_pairs_hook = decoder.object_pairs_hook
        self.parse_float = decoder.parse_float
        self.parse_int = decoder.parse_int
        self.parse_constant = decoder.parse_constant
        self.memo = {}

    def fail(self, msg, at):
        raise JSONDecodeError(msg, self.text, at)

    def value(self, at):
        # (value, end) of the value at 'at'; None when nothing there starts a value
        text = self.text
        if at >= len(text):
            return None
        ch = text[at]
        if ch == '"':
            return self.string(at + 1)
        if ch == '{':
            return self.object(at + 1)
        if ch == '[':
            return self.array(at + 1)
        for word, result in (('null', None), ('true', True), ('false', False)):
            if text.startswith(word, at):
                return result, at + len(word)
        for word in ('NaN', 'Infinity', '-Infinity'):
            if text.startswith(word, at):
                return self.parse_constant(word), at + len(word)
        return self.number(at)

    def number(self, at):
        text, end = self.text, len(self.text)
        i = at
        if i < end and text[i] == '-':
            i += 1
        if i < end and text[i] == '0':
            i += 1
        elif i < end and text[i] in '123456789':
            while i < end and text[i] in _DIGITS:
                i += 1
        else:
            return None
        is_float = False
        if i + 1 < end and text[i] == '.' and text[i + 1] in _DIGITS:
            is_float = True
            i += 2
            while i < end and text[i] in _DIGITS:
                i += 1
        if i < end and text[i] in 'eE':
            j = i + 1
            if j < end and text[j] in '+-':
                j += 1
            if j < end and text[j] in _DIGITS:
                while j < end and text[j] in _DIGITS:
                    j += 1
                is_float = True
                i = j
        literal = text[at:i]
        return (self.parse_float(literal) if is_float else self.parse_int(literal)), i

    def string(self, at):
        text, end = self.text, len(self.text)
        start = at - 1
        parts = []
        while True:
            i = at
            while i < end and text[i] != '"' and text[i] != '\\' and (
                    text[i] >= ' ' or not self.strict):
                i += 1
            if i >= end:
                self.fail('Unterminated string starting at', start)
            parts.append(text[at:i])
            ch = text[i]
            if ch == '"':
                return ''.join(parts), i + 1
            if ch != '\\':
                self.fail('Invalid control character at', i)
            i += 1
            if i >= end:
                self.fail('Unterminated string starting at', start)
            kind = text[i]
            if kind != 'u':
                if kind not in _ESCAPED:
                    self.fail('Invalid \\escape', i - 1)
                parts.append(_ESCAPED[kind])
                at = i + 1
                continue
            code = self.hex4(i + 1, i)
            at = i + 5
            if 0xd800 <= code <= 0xdbff and text[at:at + 2] == '\\u':
                low = self.hex4(at + 2, at + 1)
                if 0xdc00 <= low <= 0xdfff:
                    code = 0x10000 + (((code - 0xd800) << 10) | (low - 0xdc00))
                    at += 6
            parts.append(chr(code))

    def hex4(self, at, escape_at):
        digits = self.text[at:at + 4]
        if len(digits) == 4 and all(c in '0123456789abcdefABCDEF' for c in digits):
            return int(digits, 16)
        self.fail('Invalid \\uXXXX escape', escape_at)

    def object(self, at):
        text = self.text
        pairs = []
        at = _skip(text, at)
        if text[at:at + 1] == '}':
            return self.finish_object(pairs), at + 1
        while True:
            if text[at:at + 1] != '"':
                self.fail('Expecting property name enclosed in double quotes', at)
            key, at = self.string(at + 1)
            key = self.memo.setdefault(key, key)
            at = _skip(text, at)
            if text[at:at + 1] != ':':
                self.fail("Expecting ':' delimiter", at)
            at = _skip(text, at + 1)
            found = self.value(at)
            if found is None:
                self.fail('Expecting value', at)
            value, at = found
            pairs.append((key, value))
            at = _skip(text, at)
            ch = text[at:at + 1]
            if ch == '}':
                return self.finish_object(pairs), at + 1
            if ch != ',':
                self.fail("Expecting ',' delimiter", at)
            at = _skip(text, at + 1)

    def finish_object(self, pairs):
        if self.object_pairs_hook is not None:
            return self.object_pairs_hook(pairs)
        made = dict(pairs)
        return made if self.object_hook is None else self.object_hook(made)

    def array(self, at):
        text = self.text
        items = []
        at = _skip(text, at)
        if text[at:at + 1] == ']':
            return items, at + 1
        while True:
            found = self.value(at)
            if found is None:
                self.fail('Expecting value', at)
            value, at = found
            items.append(value)
            at = _skip(text, at)
            ch = text[at:at + 1]
            if ch == ']':
                return items, at + 1
            if ch != ',':
                self.fail("Expecting ',' delimiter", at)
            at = _skip(text, at + 1)


class JSONDecoder(object):
    """Reads JSON text: object as dict (or object_hook's / object_pairs_hook's result),
    array as list, numbers through parse_int and parse_float, NaN and Infinity through
    parse_constant."""

    def __init__(self, *, object_hook=None, parse_float=None, parse_int=None,
                 parse_constant=None, strict=True, object_pairs_hook=None):
        self.object_hook, self.object_pairs_hook = object_hook, object_pairs_hook
        self.parse_float = float if parse_float is None else parse_float
        self.parse_int = int if parse_int is None else parse_int
        self.parse_constant = float if parse_constant is None else parse_constant
        self.strict = strict

    def decode(self, s):
        """The Python value of the JSON document s (white space around it allowed)."""
        value, end = self.raw_decode(s, _skip(s, 0))
        end = _skip(s, end)
        if end != len(s):
            raise JSONDecodeError('Extra data', s, end)
        return value

    def raw_decode(self, s, idx=0):
        """(value, index after it) of the JSON value that starts s[idx:]."""
        if idx < 0:
            raise ValueError('idx cannot be negative')
        found = _Reader(self, s).value(idx)
        if found is None:
            raise JSONDecodeError('Expecting value', s, idx)
        return found


_default_decoder = JSONDecoder()


def _text_of(s):
    if isinstance(s, str):
        if s.startswith('\ufeff'):
            raise JSONDecodeError('Unexpected UTF-8 BOM (decode using utf-8-sig)', s, 0)
        return s
    if not isinstance(s, (bytes, bytearray)):
        raise TypeError(f'the JSON object must be str, bytes or bytearray, '
                        f'not {s.__class__.__name__}')
    data = bytes(s)
    if data.startswith(b'\xef\xbb\xbf'):
        return data.decode('utf-8-sig')
    if data[:2] in (b'\xff\xfe', b'\xfe\xff') or (len(data) >= 2 and not (data[0] and data[1])):
        return data.decode('utf-16' if data[:2] in (b'\xff\xfe', b'\xfe\xff')
                           else ('utf-16-be' if not data[0] else 'utf-16-le'), 'surrogatepass')
    return data.decode('utf-8', 'surrogatepass')


def loads(s, *, cls=None, object_hook=None, parse_float=None, parse_int=None,
          parse_constant=None, object_pairs_hook=None, **kw):
    """The Python value of the JSON document s (str, bytes or bytearray)."""
    text = _text_of(s)
    if (cls is None and object_hook is None and parse_int is None and parse_float is None
            and parse_constant is None and object_pairs_hook is None and not kw):
        return _default_decoder.decode(text)
    options = dict(kw)
    for name, value in (('object_hook', object_hook), ('parse_float', parse_float),
                        ('parse_int', parse_int), ('parse_constant', parse_constant),
                        ('object_pairs_hook', object_pairs_hook)):
        if value is not None:
            options[name] = value
    return (JSONDecoder if cls is None else cls)(**options).decode(text)


def load(fp, **options):
    """The Python value of the JSON document read from fp (its read method)."""
    return loads(fp.read(), **options)
`,
);
