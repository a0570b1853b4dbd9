// The string module (Lib/string.py's interface): the character-class constants, capwords,
// Template ($-substitution, scanned here by hand: glasspy has no re module, so a subclass
// may change `delimiter` but not `idpattern`, `braceidpattern`, `flags` or `pattern`) and
// Formatter (str.format's engine in overridable pieces, over _string).

import { registerFrozenModule } from "./frozen.ts";

registerFrozenModule(
  "string",
  String.raw`"""Common string constants, capwords(), Template and Formatter."""

__all__ = ("ascii_letters ascii_lowercase ascii_uppercase capwords digits hexdigits "
           "octdigits printable punctuation whitespace Formatter Template").split()

import _string

whitespace = ' \t\n\r\v\f'
ascii_lowercase = ''.join(map(chr, range(ord('a'), ord('z') + 1)))
ascii_uppercase = ascii_lowercase.upper()
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + ascii_lowercase[:6] + ascii_uppercase[:6]
octdigits = digits[:8]
# the ASCII punctuation: the printable non-alphanumerics from '!' to '~'
punctuation = ''.join(chr(c) for c in range(33, 127) if not chr(c).isalnum())
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    """Split s (at sep, or whitespace), capitalize each word, and join with sep (or ' ')."""
    return (sep or ' ').join(word.capitalize() for word in s.split(sep))


####################################################################
# Template

class _SentinelDict(dict):
    pass

_sentinel_dict = _SentinelDict()

_OPEN, _CLOSE = chr(123), chr(125)     # the braces of a braced placeholder


def _is_id_start(ch):
    return ch == '_' or 'a' <= ch <= 'z' or 'A' <= ch <= 'Z'


def _is_id_char(ch):
    return _is_id_start(ch) or '0' <= ch <= '9'


def _identifier_end(text, i):
    # the end of the ASCII identifier starting at i, or i when there is none
    if i < len(text) and _is_id_start(text[i]):
        i += 1
        while i < len(text) and _is_id_char(text[i]):
            i += 1
    return i


class Template:
    """A string class for supporting $-substitutions."""

    braceidpattern = None
    flags = 2       # re.IGNORECASE
    delimiter = '$'
    idpattern = r'(?a:[_a-z][_a-z0-9]*)'

    def __init_subclass__(cls):
        super().__init_subclass__()
        for name in ('idpattern', 'braceidpattern', 'flags', 'pattern'):
            if name in cls.__dict__:
                raise NotImplementedError(
                    f"string.Template subclasses may not set {name} in glasspy "
                    f"(it has no re module yet); only delimiter can change")

    def __init__(self, template):
        self.template = template

    def _scan(self):
        """Yield (kind, start, end, name) for each placeholder: kind is 'escaped',
        'named', 'braced' or 'invalid', end is where the match ends."""
        text = self.template
        delim = self.delimiter
        size = len(delim)
        cased = delim.lower() != delim.upper()
        lower_delim = delim.lower()

        def delimiter_at(i):
            piece = text[i:i + size]
            return piece.lower() == lower_delim if cased else piece == delim

        def next_delimiter(i):
            if not cased:
                return text.find(delim, i)
            while i + size <= len(text):
                if delimiter_at(i):
                    return i
                i += 1
            return -1

        pos = 0
        while True:
            found = next_delimiter(pos)
            if found < 0:
                return
            after = found + size
            if delimiter_at(after):
                yield 'escaped', found, after + size, None
                pos = after + size
                continue
            end = _identifier_end(text, after)
            if end > after:
                yield 'named', found, end, text[after:end]
                pos = end
                continue
            if text[after:after + 1] == _OPEN:
                end = _identifier_end(text, after + 1)
                if end > after + 1 and text[end:end + 1] == _CLOSE:
                    yield 'braced', found, end + 1, text[after + 1:end]
                    pos = end + 1
                    continue
            yield 'invalid', found, after, None
            pos = after

    def _invalid(self, at):
        before = self.template[:at].splitlines(keepends=True)
        if not before:
            lineno, colno = 1, 1
        else:
            lineno = len(before)
            colno = at - len(''.join(before[:-1]))
        raise ValueError('Invalid placeholder in string: line %d, col %d' %
                         (lineno, colno))

    def _substitute(self, mapping, kws, safe):
        if mapping is _sentinel_dict:
            mapping = kws
        elif kws:
            from collections import ChainMap
            mapping = ChainMap(kws, mapping)
        text = self.template
        out = []
        pos = 0
        for kind, start, end, name in self._scan():
            out.append(text[pos:start])
            pos = end
            if kind == 'escaped':
                out.append(self.delimiter)
            elif kind == 'invalid':
                if not safe:
                    self._invalid(end)
                out.append(text[start:end])
            elif safe:
                try:
                    out.append(str(mapping[name]))
                except KeyError:
                    out.append(text[start:end])
            else:
                out.append(str(mapping[name]))
        out.append(text[pos:])
        return ''.join(out)

    def substitute(self, mapping=_sentinel_dict, /, **kws):
        return self._substitute(mapping, kws, False)

    def safe_substitute(self, mapping=_sentinel_dict, /, **kws):
        return self._substitute(mapping, kws, True)

    def is_valid(self):
        return all(kind != 'invalid' for kind, *_ in self._scan())

    def get_identifiers(self):
        names = []
        for kind, _, _, name in self._scan():
            if name is not None and name not in names:
                names.append(name)
        return names


########################################################################
# Formatter: the pieces of str.format, each of which a subclass may replace

class Formatter:
    def format(self, format_string, /, *args, **kwargs): return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        used = set()
        text, _ = self._vformat(format_string, args, kwargs, used, 2)
        self.check_unused_args(used, args, kwargs)
        return text

    def _vformat(self, format_string, args, kwargs, used_args, recursion_depth,
                 auto_arg_index=0):
        if recursion_depth < 0: raise ValueError('Max string recursion exceeded')
        pieces = []
        for literal, field, spec, conversion in self.parse(format_string):
            if literal:
                pieces.append(literal)
            if field is None:
                continue
            # "{}" takes the next argument; mixing it with "{0}" is an error (both ways
            # of mixing give the message str.format gives for one of them)
            if field == '':
                if auto_arg_index is False:
                    raise ValueError('cannot switch from manual field specification '
                                     'to automatic field numbering')
                field = str(auto_arg_index)
                auto_arg_index += 1
            elif field.isdigit():
                if auto_arg_index:
                    raise ValueError('cannot switch from manual field specification '
                                     'to automatic field numbering')
                auto_arg_index = False
            value, key = self.get_field(field, args, kwargs)
            used_args.add(key)
            value = self.convert_field(value, conversion)
            spec, auto_arg_index = self._vformat(spec, args, kwargs, used_args,
                                                 recursion_depth - 1,
                                                 auto_arg_index=auto_arg_index)
            pieces.append(self.format_field(value, spec))
        return ''.join(pieces), auto_arg_index

    def get_value(self, key, args, kwargs):
        return args[key] if isinstance(key, int) else kwargs[key]

    def check_unused_args(self, used_args, args, kwargs): pass

    def format_field(self, value, format_spec): return format(value, format_spec)

    def convert_field(self, value, conversion):
        converters = {None: lambda v: v, 's': str, 'r': repr, 'a': ascii}
        convert = converters.get(conversion)
        if convert is None:
            raise ValueError("Unknown conversion specifier {0!s}".format(conversion))
        return convert(value)

    def parse(self, format_string):
        """(literal_text, field_name, format_spec, conversion) for each piece."""
        pieces = _string.formatter_parser(format_string)
        return pieces

    def get_field(self, field_name, args, kwargs):
        """The object a field names, and the key of the argument it came from."""
        key, accessors = _string.formatter_field_name_split(field_name)
        value = self.get_value(key, args, kwargs)
        for is_attr, name in accessors:
            value = getattr(value, name) if is_attr else value[name]
        return value, key
`,
);
