// The io module's in-memory streams (Modules/_io's StringIO and BytesIO), written for
// glasspy: text or bytes held in a buffer with a position, read, written (past the end
// the gap is filled with NULs), sought and truncated as CPython's do, with StringIO's
// newline translation. glasspy has no file system: io.open is the builtin open, which
// says so.

import { registerFrozenModule } from "./frozen.ts";

registerFrozenModule(
  "io",
  String.raw`"""Streams: in-memory text (StringIO) and bytes (BytesIO) files."""

import builtins

__all__ = ["BlockingIOError", "open", "IOBase", "RawIOBase", "StringIO", "BytesIO",
           "BufferedIOBase", "TextIOBase", "UnsupportedOperation", "SEEK_SET", "SEEK_CUR",
           "SEEK_END", "DEFAULT_BUFFER_SIZE"]

SEEK_SET, SEEK_CUR, SEEK_END = 0, 1, 2
DEFAULT_BUFFER_SIZE = 8192
open = builtins.open
BlockingIOError = builtins.BlockingIOError


_BYTES_LIKE = tuple(t for t in (bytes, bytearray, getattr(builtins, 'memoryview', None)) if t)


class UnsupportedOperation(OSError, ValueError):
    pass


UnsupportedOperation.__module__ = 'io'


class IOBase:
    """The base of every stream."""


class RawIOBase(IOBase):
    """The base of raw binary streams."""


class BufferedIOBase(IOBase):
    """The base of buffered binary streams."""


class TextIOBase(IOBase):
    """The base of text streams."""


def _size_arg(size):
    if size is None:
        return -1
    if not hasattr(type(size), '__index__'):
        raise TypeError(f"argument should be integer or None, not '{type(size).__name__}'")
    return size.__index__()


class _Memory:
    # what StringIO and BytesIO share: the buffer (a list of str or of ints), the position
    _empty = None

    def _live(self):
        if self._closed:
            raise ValueError("I/O operation on closed file")

    @property
    def closed(self):
        return self._closed

    def close(self):
        self._closed = True

    def readable(self):
        self._live()
        return True

    writable = seekable = readable

    def isatty(self):
        self._live()
        return False

    def flush(self):
        self._live()

    def fileno(self):
        raise UnsupportedOperation("fileno")

    def __enter__(self):
        self._live()
        return self

    def __exit__(self, *exc_info):
        self.close()

    def __iter__(self):
        self._live()
        return self

    def __next__(self):
        # lines until the end of the buffer
        found = self.readline()
        if found:
            return found
        raise StopIteration

    def tell(self):
        self._live()
        return self._pos

    def seek(self, pos, whence=0):
        self._live()
        pos = pos.__index__()
        if whence == 0:
            if pos < 0:
                raise ValueError(f"Negative seek position {pos}")
            self._pos = pos
        elif whence in (1, 2):
            if pos != 0 and self._text:
                raise OSError("Can't do nonzero cur-relative seeks" if whence == 1
                              else "Can't do nonzero end-relative seeks")
            base = self._pos if whence == 1 else len(self._buf)
            self._pos = max(0, base + pos)
        else:
            raise ValueError(f"Invalid whence ({whence}, should be 0, 1 or 2)")
        return self._pos

    def truncate(self, size=None):
        self._live()
        size = self._pos if size is None else size.__index__()
        if size < 0:
            raise ValueError(f"Negative size value {size}")
        del self._buf[size:]
        return size

    def _put(self, items):
        # items written at the position, over what is there, after NULs past the end
        end = self._pos + len(items)
        if self._pos > len(self._buf):
            self._buf.extend([self._fill] * (self._pos - len(self._buf)))
        self._buf[self._pos:end] = items
        self._pos = end

    def _take(self, count):
        self._live()
        count = _size_arg(count)
        start = min(self._pos, len(self._buf))
        stop = len(self._buf) if count < 0 else min(len(self._buf), start + count)
        self._pos = max(self._pos, stop)
        return self._join(self._buf[start:stop])

    def read(self, size=-1):
        return self._take(size)

    def _line(self, limit, ends):
        self._live()
        limit = _size_arg(limit)
        buf, start = self._buf, min(self._pos, len(self._buf))
        stop = len(buf) if limit < 0 else min(len(buf), start + limit)
        at = start
        while at < stop:
            hit = ends(buf, at)
            if hit:
                at = min(at + hit, stop)
                break
            at += 1
        self._pos = max(self._pos, at)
        return self._join(buf[start:at])

    def readlines(self, hint=-1):
        hint = _size_arg(hint)
        lines, total = [], 0
        for line in self:
            lines.append(line)
            total += len(line)
            if 0 < hint <= total:
                break
        return lines

    def writelines(self, lines):
        self._live()
        for line in lines:
            self.write(line)


class StringIO(_Memory, TextIOBase):
    """A text stream kept in memory."""

    _text = True
    _fill = '\0'

    def __init__(self, initial_value='', newline='\n'):
        if newline is not None and not isinstance(newline, str):
            raise TypeError(f"newline must be str or None, not {type(newline).__name__}")
        if newline not in (None, '', '\n', '\r', '\r\n'):
            raise ValueError(f"illegal newline value: {newline!r}")
        if initial_value is not None and not isinstance(initial_value, str):
            raise TypeError(f"initial_value must be str or None, not "
                            f"{type(initial_value).__name__}")
        self._newline = newline
        self._closed = False
        self._buf = []
        self._pos = 0
        if initial_value:
            self.write(initial_value)
            self._pos = 0

    def _join(self, items):
        return ''.join(items)

    @property
    def line_buffering(self):
        return False

    @property
    def newlines(self):
        return None

    encoding = errors = None

    def write(self, s):
        self._live()
        if not isinstance(s, str):
            raise TypeError(f"string argument expected, got '{type(s).__name__}'")
        written = len(s)
        if self._newline is None:
            s = s.replace('\r\n', '\n').replace('\r', '\n')
        elif self._newline in ('\r', '\r\n'):
            s = s.replace('\n', self._newline)
        self._put(list(s))
        return written

    def readline(self, size=-1):
        mark = self._newline

        def ends(buf, at):
            ch = buf[at]
            if mark == '':
                if ch == '\r':
                    return 2 if at + 1 < len(buf) and buf[at + 1] == '\n' else 1
                return 1 if ch == '\n' else 0
            if mark == '\r\n':
                return 2 if ch == '\r' and at + 1 < len(buf) and buf[at + 1] == '\n' else 0
            return 1 if ch == (mark or '\n') else 0
        return self._line(size, ends)

    def getvalue(self):
        self._live()
        return ''.join(self._buf)

    def detach(self):
        raise UnsupportedOperation("detach")

    def __getstate__(self):
        return (self.getvalue(), self._newline, self._pos, None)


class BytesIO(_Memory, BufferedIOBase):
    """A binary stream kept in memory."""

    _text = False
    _fill = 0

    def __init__(self, initial_bytes=b''):
        self._closed = False
        self._buf = list(bytes(initial_bytes)) if initial_bytes is not None else []
        self._pos = 0

    def _join(self, items):
        return bytes(items)

    def write(self, b):
        self._live()
        if not isinstance(b, _BYTES_LIKE):
            raise TypeError(f"a bytes-like object is required, not '{type(b).__name__}'")
        data = bytes(b)
        self._put(list(data))
        return len(data)

    def readline(self, size=-1):
        return self._line(size, lambda buf, at: 1 if buf[at] == 10 else 0)

    def read1(self, size=-1):
        return self._take(size)

    def readinto(self, target):
        data = self._take(len(target))
        target[:len(data)] = data
        return len(data)

    def getvalue(self):
        self._live()
        return bytes(self._buf)


StringIO.__module__ = BytesIO.__module__ = '_io'
`,
);
