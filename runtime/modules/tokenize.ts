// The token and tokenize modules (the interface of Lib/token.py and Lib/tokenize.py),
// written for glasspy without regular expressions.
//
// `token` holds the token numbers of Grammar/Tokens (runtime/compiler/token.ts has the same
// numbers for glasspy's own tokenizer), tok_name and EXACT_TOKEN_TYPES.
//
// `tokenize` reports tokens as tokenize.py does, which is not quite what the C tokenizer
// (and runtime/compiler/tokenizer.ts) produces: comments are COMMENT tokens, line ends
// that end no statement (blank lines, comment lines, line ends inside brackets) are NL,
// operators are OP tokens whose exact_type tells which, a character that starts no token is
// an ERRORTOKEN of its own, and at the end a missing final newline is added as a NEWLINE
// of no text. Each physical line is cut from left to right; at each place the first of
// these that fits is taken, as tokenize.py's one big pattern takes the first alternative
// that fits:
//   a backslash ending the line, the end of the line, a comment, the opening of a triple-
//   quoted string (with its prefix); a number (imaginary, then float, then int, each as far
//   as its grammar goes, so `0777` is two numbers and `1if` a number and a name); a line end
//   or an operator (the longest); a one-line string (or one continued by a backslash at the
//   line's end); a run of word characters.
// Triple-quoted strings and backslash-continued strings go on over lines until their
// closing quotes.

import { registerFrozenModule } from "./frozen.ts";

const TOKEN_NAMES = [
  "ENDMARKER NAME NUMBER STRING NEWLINE INDENT DEDENT LPAR RPAR LSQB RSQB COLON COMMA SEMI",
  "PLUS MINUS STAR SLASH VBAR AMPER LESS GREATER EQUAL DOT PERCENT LBRACE RBRACE EQEQUAL",
  "NOTEQUAL LESSEQUAL GREATEREQUAL TILDE CIRCUMFLEX LEFTSHIFT RIGHTSHIFT DOUBLESTAR",
  "PLUSEQUAL MINEQUAL STAREQUAL SLASHEQUAL PERCENTEQUAL AMPEREQUAL VBAREQUAL",
  "CIRCUMFLEXEQUAL LEFTSHIFTEQUAL RIGHTSHIFTEQUAL DOUBLESTAREQUAL DOUBLESLASH",
  "DOUBLESLASHEQUAL AT ATEQUAL RARROW ELLIPSIS COLONEQUAL OP AWAIT ASYNC TYPE_IGNORE",
  "TYPE_COMMENT SOFT_KEYWORD ERRORTOKEN COMMENT NL ENCODING N_TOKENS",
].join(" ");

/** The operators, in token-number order from LPAR (7) to COLONEQUAL (53). */
const OPERATORS = "( ) [ ] : , ; + - * / | & < > = . % { } == != <= >= ~ ^ << >> ** += -= *= " +
  "/= %= &= |= ^= <<= >>= **= // //= @ @= -> ... :=";

registerFrozenModule(
  "token",
  String.raw`"""The numbers of Python's tokens, their names (tok_name), and the token of each
operator (EXACT_TOKEN_TYPES)."""

def _numbered():
    names = '${TOKEN_NAMES}'.split()
    table = {}
    for number, name in enumerate(names):
        table[name] = number
    table['NT_OFFSET'] = 256
    return names, table


_names, _numbers = _numbered()
globals().update(_numbers)
__all__ = ['tok_name', 'ISTERMINAL', 'ISNONTERMINAL', 'ISEOF'] + _names + ['NT_OFFSET']

tok_name = {number: name for name, number in _numbers.items()}

EXACT_TOKEN_TYPES = {op: LPAR + i for i, op in enumerate('${OPERATORS}'.split())}
del _names, _numbers, _numbered


def ISTERMINAL(x):
    """Whether x numbers a token (not a grammar symbol)."""
    return NT_OFFSET > x


def ISNONTERMINAL(x):
    """Whether x numbers a grammar symbol."""
    return not ISTERMINAL(x)


def ISEOF(x):
    """Whether x is the end of the input."""
    return ENDMARKER == x
`,
);

registerFrozenModule(
  "tokenize",
  String.raw`"""Python source cut into tokens as tokenize.py reports them: generate_tokens()
over lines of text, tokenize() over lines of bytes (an ENCODING token first), TokenInfo,
untokenize() and detect_encoding()."""

import collections as _collections
import token as _token
from token import *
from token import EXACT_TOKEN_TYPES

__all__ = _token.__all__ + ['tokenize', 'generate_tokens', 'detect_encoding',
                            'untokenize', 'TokenInfo']

_BOM = b'\xef\xbb\xbf'
_TABSIZE = 8


class TokenInfo(_collections.namedtuple('TokenInfo', 'type string start end line')):
    def __repr__(self):
        kind = '%d (%s)' % (self.type, tok_name[self.type])
        return 'TokenInfo(type=' + kind + ', string=%r, start=%r, end=%r, line=%r)' % (
            self.string, self.start, self.end, self.line)

    @property
    def exact_type(self):
        if self.type == OP:
            return EXACT_TOKEN_TYPES.get(self.string, OP)
        return self.type


class TokenError(Exception):
    pass


class StopTokenizing(Exception):
    pass


# ---- recognizing one token at a place in a line ---------------------------------------

_DEC = '0123456789'
_HEX = '0123456789abcdefABCDEF'
_PREFIXES = {'', 'b', 'r', 'u', 'f', 'br', 'rb', 'fr', 'rf'}
_OPERATORS = set(EXACT_TOKEN_TYPES)


def _at(line, i):
    return line[i] if i < len(line) else ''


def _run(line, i, allowed):
    """The end of [allowed](_?[allowed])* at i, or -1."""
    if _at(line, i) == '' or line[i] not in allowed:
        return -1
    i += 1
    while True:
        c = _at(line, i)
        if c != '' and c in allowed:
            i += 1
        elif c == '_' and _at(line, i + 1) != '' and line[i + 1] in allowed:
            i += 2
        else:
            return i


def _exponent(line, i):
    if _at(line, i) not in ('e', 'E') or _at(line, i) == '':
        return -1
    i += 1
    if _at(line, i) in ('+', '-') and _at(line, i) != '':
        i += 1
    return _run(line, i, _DEC)


def _float(line, i):
    end = _run(line, i, _DEC)
    if end >= 0 and _at(line, end) == '.':
        end += 1
        more = _run(line, end, _DEC)
        if more >= 0:
            end = more
    elif _at(line, i) == '.':
        end = _run(line, i + 1, _DEC)
        if end < 0:
            return -1
    else:
        if end < 0:
            return -1
        return _exponent(line, end)
    e = _exponent(line, end)
    return e if e >= 0 else end


def _radix(line, i, letters, allowed):
    if _at(line, i) != '0' or _at(line, i + 1) == '' or line[i + 1] not in letters:
        return -1
    j = i + 2
    count = 0
    while True:
        c = _at(line, j)
        if c != '' and c in allowed:
            j += 1
        elif c == '_' and _at(line, j + 1) != '' and line[j + 1] in allowed:
            j += 2
        else:
            break
        count += 1
    return j if count else -1


def _int(line, i):
    for letters, allowed in (('xX', _HEX), ('bB', '01'), ('oO', '01234567')):
        end = _radix(line, i, letters, allowed)
        if end >= 0:
            return end
    if _at(line, i) == '0':
        j = i + 1
        while True:
            if _at(line, j) == '0':
                j += 1
            elif _at(line, j) == '_' and _at(line, j + 1) == '0':
                j += 2
            else:
                return j
    if _at(line, i) != '' and line[i] in '123456789':
        return _run(line, i, _DEC)
    return -1


def _number(line, i):
    end = _run(line, i, _DEC)
    if end >= 0 and _at(line, end) in ('j', 'J') and _at(line, end) != '':
        return end + 1
    end = _float(line, i)
    if end >= 0:
        if _at(line, end) in ('j', 'J') and _at(line, end) != '':
            return end + 1
        return end
    return _int(line, i)


def _prefix_then_quote(line, i, quotes):
    """The index of the opening quote after a string prefix at i (one of quotes), or -1."""
    for size in (0, 1, 2):
        if line[i:i + size].lower() in _PREFIXES:
            q = line[i + size:i + size + len(quotes[0])]
            if q in quotes and len(q) == len(quotes[0]):
                return i + size
    return -1


def _one_line_string(line, i):
    at = _prefix_then_quote(line, i, ("'", '"'))
    if at < 0:
        return -1
    quote = line[at]
    j = at + 1
    while j < len(line):
        c = line[j]
        if c == quote:
            return j + 1
        if c == '\n':
            return -1
        if c == '\\':
            if line[j + 1:j + 2] == '\n':
                return j + 2
            if line[j + 1:j + 3] == '\r\n':
                return j + 3
            if j + 1 >= len(line) or line[j + 1] == '\n':
                return -1
            j += 2
            continue
        j += 1
    return -1


def _word(line, i):
    j = i
    while j < len(line) and (line[j].isalnum() or line[j] == '_'):
        j += 1
    return j if j > i else -1


def _next_token(line, pos):
    """(kind, start, end) of the next token at or after pos (after blanks), or None."""
    i = pos
    while i < len(line) and line[i] in ' \f\t':
        i += 1
    c = _at(line, i)
    if c == '\\' and (line[i + 1:i + 2] == '\n' or line[i + 1:i + 3] == '\r\n'):
        return 'continuation', i, i + (2 if line[i + 1] == '\n' else 3)
    if c == '':
        return 'end', i, i
    if c == '#':
        j = i
        while j < len(line) and line[j] not in '\r\n':
            j += 1
        return 'comment', i, j
    at = _prefix_then_quote(line, i, ("\'\'\'", '"""'))
    if at >= 0:
        return 'triple', i, at + 3
    end = _number(line, i)
    if end >= 0:
        return 'number', i, end
    if c == '\n':
        return 'newline', i, i + 1
    if c == '\r' and _at(line, i + 1) == '\n':
        return 'newline', i, i + 2
    for size in (3, 2, 1):
        if line[i:i + size] in _OPERATORS and len(line[i:i + size]) == size:
            return 'op', i, i + size
    end = _one_line_string(line, i)
    if end >= 0:
        return 'string', i, end
    end = _word(line, i)
    if end >= 0:
        return 'word', i, end
    return None


def _string_end(text, pos, quote):
    """Where a string opened by quote (' " ''' or \"\"\") ends in text from pos, or -1."""
    j = pos
    while j < len(text):
        c = text[j]
        if c == '\\':
            j += 2
            continue
        if text.startswith(quote, j):
            return j + len(quote)
        j += 1
    return -1


def _opening_quote(token):
    """The quote that opens a string token (after its prefix)."""
    j = 0
    while token[j] not in '\'"':
        j += 1
    if token[j:j + 3] in ("'''", '"""'):
        return token[j:j + 3]
    return token[j]


# ---- the token stream -----------------------------------------------------------------

def _tokens(readline, encoding):
    if encoding is not None:
        yield TokenInfo(ENCODING, encoding, (0, 0), (0, 0), '')
        if encoding == 'utf-8-sig':
            encoding = 'utf-8'   # the BOM is gone already
    lnum = 0
    depth = 0
    continued = False
    levels = [0]
    pending = ''          # a string that goes on over lines
    pending_start = None
    pending_lines = ''
    pending_quote = ''
    needs_backslash = False
    line = ''
    while True:
        previous = line
        try:
            line = readline()
        except StopIteration:
            line = b'' if encoding is not None else ''
        if encoding is not None:
            line = line.decode(encoding)
        lnum += 1
        pos = 0
        if pending:
            if not line:
                raise TokenError('EOF in multi-line string', pending_start)
            end = _string_end(line, 0, pending_quote)
            if end >= 0:
                pos = end
                yield TokenInfo(STRING, pending + line[:end], pending_start, (lnum, end),
                                pending_lines + line)
                pending = ''
                pending_lines = ''
                needs_backslash = False
            elif needs_backslash and not line.endswith('\\\n') and not line.endswith('\\\r\n'):
                yield TokenInfo(ERRORTOKEN, pending + line, pending_start, (lnum, len(line)),
                                pending_lines)
                pending = ''
                pending_lines = ''
                continue
            else:
                pending += line
                pending_lines += line
                continue
        elif depth == 0 and not continued:
            if not line:
                break
            width = 0
            while pos < len(line):
                c = line[pos]
                if c == ' ':
                    width += 1
                elif c == '\t':
                    width = (width // _TABSIZE + 1) * _TABSIZE
                elif c == '\f':
                    width = 0
                else:
                    break
                pos += 1
            if pos == len(line):
                break
            if line[pos] in '#\r\n':
                if line[pos] == '#':
                    comment = line[pos:].rstrip('\r\n')
                    yield TokenInfo(COMMENT, comment, (lnum, pos), (lnum, pos + len(comment)), line)
                    pos += len(comment)
                yield TokenInfo(NL, line[pos:], (lnum, pos), (lnum, len(line)), line)
                continue
            if width > levels[-1]:
                levels.append(width)
                yield TokenInfo(INDENT, line[:pos], (lnum, 0), (lnum, pos), line)
            while width < levels[-1]:
                if width not in levels:
                    raise IndentationError(
                        'unindent does not match any outer indentation level',
                        ('<tokenize>', lnum, pos, line))
                levels.pop()
                yield TokenInfo(DEDENT, '', (lnum, pos), (lnum, pos), line)
        else:
            if not line:
                raise TokenError('EOF in multi-line statement', (lnum, 0))
            continued = False

        while pos < len(line):
            found = _next_token(line, pos)
            if found is None:
                yield TokenInfo(ERRORTOKEN, line[pos], (lnum, pos), (lnum, pos + 1), line)
                pos += 1
                continue
            kind, start, end = found
            pos = end
            if start == end:
                continue
            text = line[start:end]
            first = text[0]
            if first in _DEC or (first == '.' and text not in ('.', '...')):
                yield TokenInfo(NUMBER, text, (lnum, start), (lnum, end), line)
            elif kind == 'newline':
                yield TokenInfo(NL if depth > 0 else NEWLINE, text, (lnum, start), (lnum, end), line)
            elif kind == 'comment':
                yield TokenInfo(COMMENT, text, (lnum, start), (lnum, end), line)
            elif kind == 'triple':
                quote = text[-3:]
                close = _string_end(line, end, quote)
                if close >= 0:
                    pos = close
                    yield TokenInfo(STRING, line[start:close], (lnum, start), (lnum, close), line)
                else:
                    pending_start = (lnum, start)
                    pending = line[start:]
                    pending_lines = line
                    pending_quote = quote
                    break
            elif kind == 'string':
                if text[-1] == '\n':
                    # a backslash at the line's end: the string goes on on the next line
                    pending_start = (lnum, start)
                    pending_quote = _opening_quote(text)
                    pending = line[start:]
                    pending_lines = line
                    needs_backslash = True
                    break
                yield TokenInfo(STRING, text, (lnum, start), (lnum, end), line)
            elif first.isidentifier():
                yield TokenInfo(NAME, text, (lnum, start), (lnum, end), line)
            elif kind == 'continuation':
                continued = True
            else:
                if first in '([{':
                    depth += 1
                elif first in ')]}':
                    depth -= 1
                yield TokenInfo(OP, text, (lnum, start), (lnum, end), line)

    # the last line had no line end: a NEWLINE of no text ends its statement
    if previous and previous[-1] not in '\r\n' and not previous.strip().startswith('#'):
        yield TokenInfo(NEWLINE, '', (lnum - 1, len(previous)), (lnum - 1, len(previous) + 1), '')
    here = (lnum, 0)
    for _ in levels[1:]:
        yield TokenInfo(DEDENT, '', here, here, '')
    yield TokenInfo(ENDMARKER, '', here, here, '')


def generate_tokens(readline):
    """The tokens of the lines of text readline() gives (it returns '' at the end)."""
    return _tokens(readline, None)


def _normal_encoding_name(name):
    short = name[:12].lower().replace('_', '-')
    if short == 'utf-8' or short.startswith('utf-8-'):
        return 'utf-8'
    for latin in ('latin-1', 'iso-8859-1', 'iso-latin-1'):
        if short == latin or short.startswith(latin + '-'):
            return 'iso-8859-1'
    return name


def _cookie(text):
    """The encoding named by a coding comment on the line, or None."""
    i = 0
    while i < len(text) and text[i] in ' \t\f':
        i += 1
    if i >= len(text) or text[i] != '#':
        return None
    at = text.find('coding', i)
    while at >= 0:
        j = at + 6
        if j < len(text) and text[j] in ':=':
            j += 1
            while j < len(text) and text[j] in ' \t':
                j += 1
            k = j
            while k < len(text) and (text[k].isalnum() or text[k] in '_-.'):
                k += 1
            if k > j:
                return text[j:k]
        at = text.find('coding', at + 1)
    return None


def _blank(raw):
    i = 0
    while i < len(raw) and raw[i] in b' \t\f':
        i += 1
    return i == len(raw) or raw[i] in b'#\r\n'


def detect_encoding(readline):
    """(encoding, lines read): the source's encoding from a BOM or a coding comment in the
    first two lines, 'utf-8' when there is neither."""
    import codecs

    def read():
        try:
            return readline()
        except StopIteration:
            return b''

    bom = False

    def found_in(raw):
        try:
            text = raw.decode('utf-8')
        except UnicodeDecodeError:
            raise SyntaxError('invalid or missing encoding declaration')
        name = _cookie(text)
        if name is None:
            return None
        name = _normal_encoding_name(name)
        try:
            codecs.lookup(name)
        except LookupError:
            raise SyntaxError('unknown encoding: ' + name)
        if bom:
            if name != 'utf-8':
                raise SyntaxError('encoding problem: utf-8')
            name += '-sig'
        return name

    line1 = read()
    if line1[:3] == _BOM:
        bom = True
        line1 = line1[3:]
        plain = 'utf-8-sig'
    else:
        plain = 'utf-8'
    read_so_far = [line1] if line1 else []
    for raw in (line1, None):
        if raw is None:
            # a second line is read only after a blank or comment first line
            if not _blank(line1):
                break
            raw = read()
            if not raw:
                break
            read_so_far.append(raw)
        elif not raw:
            break
        name = found_in(raw)
        if name:
            return name, read_so_far
    return plain, read_so_far


def tokenize(readline):
    """The tokens of the lines of bytes readline() gives (b'' at the end), decoded by the
    encoding detect_encoding() finds, which the first token (ENCODING) names."""
    encoding, consumed = detect_encoding(readline)
    lines = iter(consumed)

    def next_line():
        for raw in lines:
            return raw
        return readline()

    return _tokens(next_line, encoding)


def _untokenize_pairs(tokens, out):
    encoding = None
    indents = []
    line_start = False
    last_was_string = False
    for tok in tokens:
        kind, text = tok[0], tok[1]
        if kind == ENCODING:
            encoding = text
            continue
        if kind in (NAME, NUMBER):
            text += ' '
        if kind == STRING:
            if last_was_string:
                text = ' ' + text
            last_was_string = True
        else:
            last_was_string = False
        if kind == INDENT:
            indents.append(text)
            continue
        if kind == DEDENT:
            indents.pop()
            continue
        if kind in (NEWLINE, NL):
            line_start = True
        elif line_start and indents:
            out.append(indents[-1])
            line_start = False
        out.append(text)
    return encoding


def untokenize(iterable):
    """Source text again from tokens: with full TokenInfo tuples the positions are kept
    (the result tokenizes to the same tokens); with (type, string) pairs spaces are put
    where they are needed. bytes when the tokens began with an ENCODING token."""
    out = []
    encoding = None
    row, col = 1, 0
    indents = []
    line_start = False
    tokens = iter(iterable)
    for tok in tokens:
        if len(tok) == 2:
            found = _untokenize_pairs(_chain_one(tok, tokens), out)
            if found is not None:
                encoding = found
            break
        kind, text, start, end, line = tok
        if kind == ENCODING:
            encoding = text
            continue
        if kind == ENDMARKER:
            break
        if kind == INDENT:
            indents.append(text)
            continue
        if kind == DEDENT:
            indents.pop()
            row, col = end
            continue
        if kind in (NEWLINE, NL):
            line_start = True
        elif line_start and indents:
            if start[1] >= len(indents[-1]):
                out.append(indents[-1])
                col = len(indents[-1])
            line_start = False
        srow, scol = start
        if srow < row or (srow == row and scol < col):
            raise ValueError('start ({},{}) precedes previous end ({},{})'.format(
                srow, scol, row, col))
        if srow > row:
            out.append('\\\n' * (srow - row))
            col = 0
        if scol > col:
            out.append(' ' * (scol - col))
        out.append(text)
        row, col = end
        if kind in (NEWLINE, NL):
            row += 1
            col = 0
    source = ''.join(out)
    if encoding is not None:
        return source.encode(encoding)
    return source


def _chain_one(first, rest):
    yield first
    yield from rest
`,
);
