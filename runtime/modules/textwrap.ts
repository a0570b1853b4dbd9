// The textwrap module (Lib/textwrap.py's interface), written for glasspy without regular
// expressions: the text is cut into the chunks CPython's word-separating pattern makes
// (runs of white space; words, split after a hyphen between letters; em-dashes between
// words), then laid out greedily into lines as TextWrapper does, max_lines and its
// placeholder included. dedent and indent work line by line.

import { registerFrozenModule } from "./frozen.ts";

registerFrozenModule(
  "textwrap",
  String.raw`"""Text wrapping and filling: paragraphs broken into lines of a given width, common
indentation removed or added."""

__all__ = ['TextWrapper', 'wrap', 'fill', 'dedent', 'indent', 'shorten']

_whitespace = '\t\n\x0b\x0c\r '
_PUNCT = '!"\'&.,?'


def _is_word(c):
    return c.isalnum() or c == '_'


def _is_letter(c):
    return _is_word(c) and not c.isdecimal()


def _is_word_punct(c):
    return _is_word(c) or c in _PUNCT


def _dash_run(text, at):
    # the end of a run of two or more hyphens at 'at' that a word character follows
    end = at
    while end < len(text) and text[end] == '-':
        end += 1
    if end - at >= 2 and end < len(text) and _is_word(text[end]):
        return end
    return None


def _breaks_after_hyphen(text, at):
    # text[at] is '-': a word may end after it when letters stand on both sides
    # (two letters before it, or letter-hyphen-letter), and letter[-]letter follow
    n = len(text)
    before = (at >= 2 and _is_letter(text[at - 2]) and _is_letter(text[at - 1])) or (
        at >= 3 and _is_letter(text[at - 3]) and text[at - 2] == '-'
        and _is_letter(text[at - 1]))
    if not before or at + 2 >= n or not _is_letter(text[at + 1]):
        return False
    if text[at + 2] == '-' and at + 3 < n and _is_letter(text[at + 3]):
        return True
    return _is_letter(text[at + 2])


def _chunks(text, hyphens):
    pieces = []
    n = len(text)
    at = 0
    while at < n:
        end = at
        if text[at] in _whitespace:
            while end < n and text[end] in _whitespace:
                end += 1
        elif not hyphens:
            while end < n and text[end] not in _whitespace:
                end += 1
        else:
            dashes = (_dash_run(text, at) if text[at] == '-' and at > 0
                      and _is_word_punct(text[at - 1]) else None)
            if dashes is not None:
                end = dashes
            else:
                end = at + 1
                while True:
                    if end < n and text[end] == '-' and _breaks_after_hyphen(text, end):
                        end += 1
                        break
                    if end >= n or text[end] in _whitespace:
                        break
                    if _is_word_punct(text[end - 1]) and _dash_run(text, end) is not None:
                        break
                    end += 1
        pieces.append(text[at:end])
        at = end
    return pieces


def _ends_sentence(chunk):
    # a lowercase letter, then . ! or ?, then maybe a quote, at the end
    tail = chunk[-1:] in ('"', "'")
    core = chunk[:-1] if tail else chunk
    return len(core) >= 2 and core[-1] in '.!?' and 'a' <= core[-2] <= 'z'


class TextWrapper:
    """Wraps text to lines of at most width characters; see wrap() for the options."""

    def __init__(self, width=70, initial_indent="", subsequent_indent="", expand_tabs=True,
                 replace_whitespace=True, fix_sentence_endings=False, break_long_words=True,
                 drop_whitespace=True, break_on_hyphens=True, tabsize=8, *, max_lines=None,
                 placeholder=' [...]'):
        self.width = width
        self.initial_indent, self.subsequent_indent = initial_indent, subsequent_indent
        self.expand_tabs, self.replace_whitespace = expand_tabs, replace_whitespace
        self.fix_sentence_endings = fix_sentence_endings
        self.break_long_words, self.drop_whitespace = break_long_words, drop_whitespace
        self.break_on_hyphens, self.tabsize = break_on_hyphens, tabsize
        self.max_lines, self.placeholder = max_lines, placeholder

    def _munge_whitespace(self, text):
        # tabs expanded to tabsize columns, then every white space character a space
        expanded = text.expandtabs(self.tabsize) if self.expand_tabs else text
        if not self.replace_whitespace:
            return expanded
        return ''.join(' ' if c in _whitespace else c for c in expanded)

    def _split(self, text):
        return [c for c in _chunks(text, self.break_on_hyphens) if c]

    def _fix_sentence_endings(self, chunks):
        at = 0
        while at < len(chunks) - 1:
            if chunks[at + 1] == ' ' and _ends_sentence(chunks[at]):
                chunks[at + 1] = '  '
                at += 2
            else:
                at += 1

    def _handle_long_word(self, reversed_chunks, cur_line, cur_len, width):
        room = 1 if width < 1 else width - cur_len
        if self.break_long_words:
            word = reversed_chunks[-1]
            cut = room
            if self.break_on_hyphens and len(word) > room:
                # break after the last hyphen that fits, if letters come before it
                hyphen = word.rfind('-', 0, room)
                if hyphen > 0 and word[:hyphen].strip('-'):
                    cut = hyphen + 1
            cur_line.append(word[:cut])
            reversed_chunks[-1] = word[cut:]
        elif not cur_line:
            # an unbreakable word longer than the line gets a line of its own
            whole = reversed_chunks.pop()
            cur_line.append(whole)

    def _wrap_chunks(self, chunks):
        if self.width <= 0:
            raise ValueError(f'invalid width {self.width!r} (must be > 0)')
        if self.max_lines is not None:
            first = self.subsequent_indent if self.max_lines > 1 else self.initial_indent
            if len(first) + len(self.placeholder.lstrip()) > self.width:
                raise ValueError('placeholder too large for max width')
        lines = []
        pending = chunks[::-1]
        while pending:
            line = []
            size = 0
            lead = self.subsequent_indent if lines else self.initial_indent
            room = self.width - len(lead)
            if self.drop_whitespace and lines and not pending[-1].strip():
                pending.pop()
            while pending and size + len(pending[-1]) <= room:
                size += len(pending[-1])
                line.append(pending.pop())
            if pending and len(pending[-1]) > room:
                self._handle_long_word(pending, line, size, room)
                size = sum(len(piece) for piece in line)
            if self.drop_whitespace and line and not line[-1].strip():
                size -= len(line[-1])
                line.pop()
            if not line:
                continue
            last_allowed = self.max_lines is None or len(lines) + 1 < self.max_lines
            nothing_left = not pending or (self.drop_whitespace and len(pending) == 1
                                           and not pending[0].strip())
            if last_allowed or (nothing_left and size <= room):
                lines.append(lead + ''.join(line))
                continue
            # the last line allowed: end it with the placeholder where it fits
            while line:
                if line[-1].strip() and size + len(self.placeholder) <= room:
                    lines.append(lead + ''.join(line) + self.placeholder)
                    return lines
                size -= len(line[-1])
                line.pop()
            if lines:
                previous = lines[-1].rstrip()
                if len(previous) + len(self.placeholder) <= self.width:
                    lines[-1] = previous + self.placeholder
                    return lines
            lines.append(lead + self.placeholder.lstrip())
            return lines
        return lines

    def _split_chunks(self, text):
        return self._split(self._munge_whitespace(text))

    def fill(self, text):
        """The wrapped text as one string."""
        return '\n'.join(self.wrap(text))

    def wrap(self, text):
        """The lines of the wrapped text, without final newlines."""
        pieces = self._split_chunks(text)
        if self.fix_sentence_endings:
            self._fix_sentence_endings(pieces)
        return self._wrap_chunks(pieces)


def wrap(text, width=70, **kwargs):
    """The lines of text wrapped to width (TextWrapper's options as keywords)."""
    return TextWrapper(width=width, **kwargs).wrap(text)


def fill(text, width=70, **kwargs):
    """text wrapped to width, as one string with newlines."""
    return TextWrapper(width=width, **kwargs).fill(text)


def shorten(text, width, **kwargs):
    """text with its white space collapsed, cut to fit width with a placeholder."""
    return TextWrapper(width=width, max_lines=1, **kwargs).fill(' '.join(text.strip().split()))


def _leading_blanks(line):
    stripped = line.lstrip(' \t')
    return line[:len(line) - len(stripped)], stripped


def dedent(text):
    """text without the white space that begins each of its lines (lines of only spaces
    and tabs are emptied)."""
    lines = text.split('\n')
    margin = None
    for index, line in enumerate(lines):
        blanks, rest = _leading_blanks(line)
        if not rest:
            lines[index] = '' if blanks else line
            continue
        if margin is None or blanks.startswith(margin):
            margin = blanks if margin is None else margin
        elif margin.startswith(blanks):
            margin = blanks
        else:
            common = 0
            while margin[common] == blanks[common]:
                common += 1
            margin = margin[:common]
    if margin:
        lines = [line[len(margin):] if line.startswith(margin) else line for line in lines]
    return '\n'.join(lines)


def indent(text, prefix, predicate=None):
    """prefix added to the lines of text for which predicate(line) is true (by default,
    those that are not only white space)."""
    keep = predicate if predicate is not None else (lambda line: line.strip())
    return ''.join(prefix + line if keep(line) else line for line in text.splitlines(True))
`,
);
