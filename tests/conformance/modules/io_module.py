# io: StringIO and BytesIO
import io
from contextlib import redirect_stdout
import json
s = io.StringIO('ab\ncd\n')
print(repr(type(s)), s.read(1), repr(s.readline()), s.tell(), s.readlines(), repr(s.getvalue()), s.seek(0), list(s))
print(s.write('X'), repr(s.getvalue()), s.closed)
s.close()
print(s.closed)
for op in (s.read, s.getvalue, s.tell, lambda: s.write('a')):
    try:
        op()
    except ValueError as e:
        print(e)
b = io.BytesIO(b'xyz')
print(b.read(2), b.getvalue(), b.tell(), b.seek(0, 2), b.write(b'!'), b.getvalue(), type(b))
print(b.seek(-2, 2), b.read(), b.seek(1), b.readline(), io.BytesIO(b'a\nb\n').readlines())
s = io.StringIO()
s.write('a')
print(s.tell(), s.seek(5), s.write('b'), repr(s.getvalue()))
s = io.StringIO('abc')
s.seek(1)
print(s.truncate(), repr(s.getvalue()), s.tell())
print(io.StringIO('x').readable(), io.StringIO().writable(), io.StringIO().seekable())
print(repr(io.StringIO('a\r\nb').read()), repr(io.StringIO('a\r\nb', newline=None).read()))
print(list(io.StringIO('a\rb\r\nc\n', newline='')), list(io.StringIO('a\nb', newline='\r\n')))
print(repr(io.StringIO('one\ntwo', newline='\r\n').getvalue()))
for bad in (lambda: io.StringIO(5), lambda: io.StringIO().write(5), lambda: io.BytesIO().write('s'),
            lambda: io.StringIO(newline='x'), lambda: io.StringIO().seek(-1),
            lambda: io.StringIO().seek(1, 1), lambda: io.StringIO().seek(0, 3),
            lambda: io.StringIO().read('x'), lambda: io.StringIO().fileno()):
    try:
        bad()
    except (TypeError, ValueError, OSError) as e:
        print(type(e).__name__, e)
print(io.StringIO('abc').read(-1), io.StringIO('abc').read(None), io.StringIO('abcdef').read(2))
print(io.StringIO('ab\ncd').readline(1), io.StringIO('ab\ncd\nef\n').readlines(4))
with io.StringIO() as f:
    f.write('q')
print(f.closed)
out = io.StringIO()
with redirect_stdout(out):
    print('captured', 42)
    help_text = 'x'
print(repr(out.getvalue()))
buf = io.StringIO()
json.dump({'a': [1, 2]}, buf, indent=1)
print(buf.getvalue())
print(json.load(io.StringIO('{"k": true}')))
print(isinstance(io.StringIO(), io.TextIOBase), isinstance(io.BytesIO(), io.BufferedIOBase), issubclass(io.UnsupportedOperation, OSError))
print(io.SEEK_END, io.DEFAULT_BUFFER_SIZE)
ba = bytearray(2)
print(io.BytesIO(b'hey').readinto(ba), ba)
