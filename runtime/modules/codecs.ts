// _codecs (Modules/_codecsmodule.c, Python/codecs.c's registry of error handlers) and codecs
// (Lib/codecs.py's interface), over the text codecs of runtime/objects/codecs.ts: encode and
// decode by name, lookup() giving a CodecInfo, the error-handler registry (register_error,
// lookup_error and the built-in handlers as functions), the BOM constants; rot13 and hex as
// the two non-text codecs codecs.encode() knows.

import {
  METH_FASTCALL,
  METH_KEYWORDS,
  METH_O,
  Py_DECREF,
  Py_INCREF,
  Py_None,
  PyObject,
} from "../objects/object.ts";
import { PyErr_Format } from "../objects/errors.ts";
import { PyExc_LookupError, PyExc_TypeError } from "../objects/exceptions.ts";
import { PyUnicode_Check, PyUnicode_FromString } from "../objects/unicodeobject.ts";
import { bytesLike, PyBytes_FromBytes } from "../objects/bytesobject.ts";
import { PyLong_FromNumber } from "../objects/longobject.ts";
import { PyTuple_FromArraySteal } from "../objects/tupleobject.ts";
import { PyCFunction_New } from "../objects/methodobject.ts";
import { str } from "../objects/objectops.ts";
import { unpackKeywords } from "../objects/argparse.ts";
import {
  BUILTIN_HANDLER_FUNCTIONS,
  callBuiltinHandler,
  decodeBytes,
  encodeText,
  lookupCodec,
  registeredHandlers,
} from "../objects/codecs.ts";
import { registerBuiltinModule } from "./modsupport.ts";
import { registerFrozenModule } from "./frozen.ts";

type Args = (PyObject | null)[];

function textArg(o: PyObject, fname: string, what: string): string {
  if (!PyUnicode_Check(o)) {
    throw PyErr_Format(
      PyExc_TypeError,
      `${fname}() argument '${what}' must be str, not ${o.ob_type.tp_name}`,
    );
  }
  return str(o);
}

const codecParams = ["obj", "encoding", "errors"] as const;

/** _codecs.encode(obj, encoding='utf-8', errors='strict'): a text codec's encoder. */
function codecs_encode(_m: PyObject, args: Args, off: number, nargs: number, kw: PyObject | null) {
  const [obj, enc, err] = unpackKeywords("encode", codecParams, args, off, nargs, kw, 1, 3, 0);
  const encoding = enc === null ? "utf-8" : textArg(enc, "encode", "encoding");
  const errors = err === null ? "strict" : textArg(err, "encode", "errors");
  const codec = lookupCodec(encoding);
  if (!PyUnicode_Check(obj!)) {
    throw PyErr_Format(
      PyExc_TypeError,
      `${codec.name.replace(/-/g, "_")}_encode() argument 1 must be str, not ${
        obj!.ob_type.tp_name
      }`,
    );
  }
  return PyBytes_FromBytes(encodeText(str(obj!), encoding, errors));
}

/** _codecs.decode(obj, encoding='utf-8', errors='strict'): a text codec's decoder. */
function codecs_decode(_m: PyObject, args: Args, off: number, nargs: number, kw: PyObject | null) {
  const [obj, enc, err] = unpackKeywords("decode", codecParams, args, off, nargs, kw, 1, 3, 0);
  const encoding = enc === null ? "utf-8" : textArg(enc, "decode", "encoding");
  const errors = err === null ? "strict" : textArg(err, "decode", "errors");
  lookupCodec(encoding);
  const data = bytesLike(obj!);
  if (data === null) {
    throw PyErr_Format(
      PyExc_TypeError,
      `a bytes-like object is required, not '${obj!.ob_type.tp_name}'`,
    );
  }
  return PyUnicode_FromString(decodeBytes(data, encoding, errors));
}

/** _codecs._text_encoding(name): the codec's name, LookupError when there is none. */
function codecs_text_encoding(_m: PyObject, name: PyObject): PyObject {
  return PyUnicode_FromString(lookupCodec(textArg(name, "lookup", "encoding")).name);
}

/** _codecs.register_error(errors, handler) */
function codecs_register_error(_m: PyObject, args: Args, off: number, nargs: number) {
  if (nargs !== 2) {
    throw PyErr_Format(PyExc_TypeError, `register_error expected 2 arguments, got ${nargs}`);
  }
  const name = textArg(args[off]!, "register_error", "errors");
  const handler = args[off + 1]!;
  if (handler.ob_type.tp_call === null) {
    throw PyErr_Format(PyExc_TypeError, "handler must be callable");
  }
  Py_INCREF(handler);
  const old = registeredHandlers.get(name);
  registeredHandlers.set(name, handler);
  if (old !== undefined) Py_DECREF(old);
  return none();
}

const builtinFunctions = new Map<string, PyObject>();
// The codec registry's references (interp->codec_error_registry, for the heap audit).
registerRoots("codecs error handlers", (visit) => {
  for (const f of builtinFunctions.values()) visit(f);
  for (const h of registeredHandlers.values()) visit(h);
});

/** _codecs.lookup_error(name): the handler registered for name. */
function codecs_lookup_error(_m: PyObject, nameO: PyObject): PyObject {
  const name = textArg(nameO, "lookup_error", "name");
  const h = registeredHandlers.get(name) ?? builtinFunction(name);
  if (h === null) {
    throw PyErr_Format(PyExc_LookupError, `unknown error handler name '${name}'`);
  }
  Py_INCREF(h);
  return h;
}

/** The function object of a built-in handler (strict_errors, ...), made once. */
function builtinFunction(name: string): PyObject | null {
  const entry = BUILTIN_HANDLER_FUNCTIONS.find(([n]) => n === name);
  if (entry === undefined) return null;
  let f = builtinFunctions.get(name);
  if (f === undefined) {
    f = PyCFunction_New({
      ml_name: entry[1],
      ml_meth: (_self: PyObject, exc: PyObject) => {
        const { rep, pos } = callBuiltinHandler(name, exc);
        const r = typeof rep === "string" ? PyUnicode_FromString(rep) : PyBytes_FromBytes(rep);
        return PyTuple_FromArraySteal([r, PyLong_FromNumber(pos)]);
      },
      ml_flags: METH_O,
    }, null);
    builtinFunctions.set(name, f);
  }
  return f;
}

function none(): PyObject {
  Py_INCREF(Py_None);
  return Py_None;
}

const FK = METH_FASTCALL | METH_KEYWORDS;

registerBuiltinModule({
  name: "_codecs",
  doc: null,
  methods: [
    { ml_name: "encode", ml_meth: codecs_encode, ml_flags: FK },
    { ml_name: "decode", ml_meth: codecs_decode, ml_flags: FK },
    { ml_name: "_text_encoding", ml_meth: codecs_text_encoding, ml_flags: METH_O },
    { ml_name: "register_error", ml_meth: codecs_register_error, ml_flags: METH_FASTCALL },
    { ml_name: "lookup_error", ml_meth: codecs_lookup_error, ml_flags: METH_O },
  ],
});

registerFrozenModule(
  "codecs",
  String.raw`"""Codec registry and helpers: look codecs up by name, encode and decode with them, and
register error handlers."""

import _codecs
from _codecs import register_error, lookup_error

__all__ = ("register lookup open EncodedFile BOM BOM_BE BOM_LE BOM32_BE BOM32_LE BOM64_BE "
           "BOM64_LE BOM_UTF8 BOM_UTF16 BOM_UTF16_LE BOM_UTF16_BE BOM_UTF32 BOM_UTF32_LE "
           "BOM_UTF32_BE CodecInfo Codec IncrementalEncoder IncrementalDecoder StreamReader "
           "StreamWriter StreamReaderWriter StreamRecoder getencoder getdecoder "
           "getincrementalencoder getincrementaldecoder getreader getwriter encode decode "
           "iterencode iterdecode strict_errors ignore_errors replace_errors "
           "xmlcharrefreplace_errors backslashreplace_errors namereplace_errors "
           "register_error lookup_error").split()

BOM_UTF8 = b'\xef\xbb\xbf'
BOM_UTF16_LE = BOM_LE = b'\xff\xfe'
BOM_UTF16_BE = BOM_BE = b'\xfe\xff'
BOM_UTF32_LE = b'\xff\xfe\x00\x00'
BOM_UTF32_BE = b'\x00\x00\xfe\xff'
BOM = BOM_UTF16 = BOM_UTF16_LE          # little-endian, as glasspy's machines are
BOM_UTF32 = BOM_UTF32_LE
BOM32_LE, BOM32_BE, BOM64_LE, BOM64_BE = BOM_UTF16_LE, BOM_UTF16_BE, BOM_UTF32_LE, BOM_UTF32_BE

strict_errors, ignore_errors, replace_errors = (
    lookup_error(n) for n in ("strict", "ignore", "replace"))
xmlcharrefreplace_errors, backslashreplace_errors, namereplace_errors = (
    lookup_error(n) for n in ("xmlcharrefreplace", "backslashreplace", "namereplace"))


class CodecInfo(tuple):
    """What lookup() finds for an encoding: (encode, decode, streamreader, streamwriter)
    with the incremental classes and the codec's name as attributes."""
    _is_text_encoding = True

    def __new__(cls, encode, decode, streamreader=None, streamwriter=None,
                incrementalencoder=None, incrementaldecoder=None, name=None,
                *, _is_text_encoding=None):
        info = tuple.__new__(cls, (encode, decode, streamreader, streamwriter))
        info.name, info.encode, info.decode = name, encode, decode
        info.incrementalencoder, info.incrementaldecoder = incrementalencoder, incrementaldecoder
        info.streamwriter, info.streamreader = streamwriter, streamreader
        if _is_text_encoding is not None:
            info._is_text_encoding = _is_text_encoding
        return info

    def __repr__(self):
        return "<%s.%s object for encoding %s at %#x>" % (
            type(self).__module__, type(self).__qualname__, self.name, id(self))


class Codec:
    """The interface of a stateless encoder/decoder pair."""
    def encode(self, input, errors='strict'): raise NotImplementedError
    def decode(self, input, errors='strict'): raise NotImplementedError


class IncrementalEncoder:
    """Encodes input given in pieces (the text codecs keep no state between them)."""

    def __init__(self, errors='strict'):
        self.errors, self.buffer = errors, ""

    def encode(self, input, final=False): raise NotImplementedError
    def reset(self): pass
    def getstate(self): return 0
    def setstate(self, state): pass


class IncrementalDecoder:
    """Decodes input given in pieces."""

    def __init__(self, errors='strict'):
        self.errors = errors

    def decode(self, input, final=False): raise NotImplementedError
    def reset(self): pass
    def getstate(self): return (b"", 0)
    def setstate(self, state): pass


class BufferedIncrementalDecoder(IncrementalDecoder):
    """An incremental decoder that keeps the bytes of an unfinished character until more
    come (or raises at the end)."""

    def __init__(self, errors='strict'):
        super().__init__(errors)
        self.buffer = b""

    def _buffer_decode(self, input, errors, final): raise NotImplementedError

    def decode(self, input, final=False):
        text, used = self._buffer_decode(self.buffer + input, self.errors, final)
        self.buffer = (self.buffer + input)[used:]
        return text

    def reset(self): self.buffer = b""
    def getstate(self): return (self.buffer, 0)
    def setstate(self, state): self.buffer = state[0]


def _text_codec(name):
    def encode(input, errors='strict'):
        return _codecs.encode(input, name, errors), len(input)

    def decode(input, errors='strict'):
        return _codecs.decode(input, name, errors), len(input)

    def partial(data, errors, final):
        # the longest prefix that decodes, unless this is the end
        if final:
            return decode(data, errors)
        for cut in range(len(data), max(len(data) - 4, 0) - 1, -1):
            try:
                return _codecs.decode(data[:cut], name, errors), cut
            except UnicodeDecodeError as failure:
                if failure.reason not in ("unexpected end of data", "truncated data"):
                    raise
        return "", 0

    class _Encoder(IncrementalEncoder):
        def encode(self, input, final=False): return encode(input, self.errors)[0]

    class _Decoder(BufferedIncrementalDecoder):
        def _buffer_decode(self, input, errors, final): return partial(input, errors, final)

    info = CodecInfo(encode, decode, incrementalencoder=_Encoder,
                     incrementaldecoder=_Decoder, name=name)
    info._builtin_text = True
    return info


def _rot13(input, errors='strict'):
    return str.translate(input, _ROT13), len(input)

_ROT13 = {c: (c - base + 13) % 26 + base
          for base in (ord('a'), ord('A')) for c in range(base, base + 26)}


def _hex_encode(input, errors='strict'):
    return bytes(input).hex().encode('ascii'), len(input)

def _hex_decode(input, errors='strict'):
    return bytes.fromhex(bytes(input).decode('ascii')), len(input)


# non-text codecs, by every name they go by
_OTHER = {}
for _names, _info in (
        ("rot13 rot_13", CodecInfo(_rot13, _rot13, name='rot-13', _is_text_encoding=False)),
        ("hex hex_codec", CodecInfo(_hex_encode, _hex_decode, name='hex',
                                    _is_text_encoding=False))):
    for _n in _names.split():
        _OTHER[_n] = _info
del _names, _info, _n

_cache = {}
_search_functions = []


def register(search_function):
    """Adds a function that maps an encoding name to its CodecInfo (or None)."""
    if not callable(search_function):
        raise TypeError("argument must be callable")
    _search_functions.append(search_function)


def unregister(search_function):
    """Removes a search function added by register()."""
    if search_function in _search_functions:
        _search_functions.remove(search_function)
    _cache.clear()


def lookup(encoding):
    """The CodecInfo of an encoding: LookupError when no codec has that name."""
    if not isinstance(encoding, str):
        raise TypeError("lookup() argument must be str, not %s" % type(encoding).__name__)
    key = encoding.lower().replace(' ', '_').replace('-', '_')
    if key in _cache:
        return _cache[key]
    for search in _search_functions:
        found = search(key)
        if found is not None:
            break
    else:
        found = _OTHER.get(key.strip('_'))
        if found is None:
            found = _text_codec(_codecs._text_encoding(encoding))
    _cache[key] = found
    return found


def encode(obj, encoding='utf-8', errors='strict'):
    """Encodes obj with the codec registered for encoding."""
    info = lookup(encoding)
    if getattr(info, '_builtin_text', False):
        return _codecs.encode(obj, encoding, errors)
    result = info.encode(obj, errors)
    if not isinstance(result, tuple) or len(result) != 2:
        raise TypeError("encoder must return a tuple (object, integer)")
    return result[0]


def decode(obj, encoding='utf-8', errors='strict'):
    """Decodes obj with the codec registered for encoding."""
    info = lookup(encoding)
    if getattr(info, '_builtin_text', False):
        return _codecs.decode(obj, encoding, errors)
    result = info.decode(obj, errors)
    if not isinstance(result, tuple) or len(result) != 2:
        raise TypeError("decoder must return a tuple (object,integer)")
    return result[0]


def getencoder(encoding): return lookup(encoding).encode
def getdecoder(encoding): return lookup(encoding).decode


def _incremental(encoding, which):
    found = getattr(lookup(encoding), which)
    if found is None:
        raise LookupError(encoding)
    return found


def getincrementalencoder(encoding):
    """The incremental encoder class of a codec."""
    return _incremental(encoding, 'incrementalencoder')


def getincrementaldecoder(encoding):
    """The incremental decoder class of a codec."""
    return _incremental(encoding, 'incrementaldecoder')


def iterencode(iterator, encoding, errors='strict', **kwargs):
    """Encodes the strings of an iterator, yielding the non-empty bytes."""
    encoder = getincrementalencoder(encoding)(errors, **kwargs)
    for text in iterator:
        chunk = encoder.encode(text)
        if chunk:
            yield chunk
    tail = encoder.encode("", True)
    if tail:
        yield tail


def iterdecode(iterator, encoding, errors='strict', **kwargs):
    """Decodes the bytes of an iterator, yielding the non-empty strings."""
    decoder = getincrementaldecoder(encoding)(errors, **kwargs)
    for data in iterator:
        chunk = decoder.decode(data)
        if chunk:
            yield chunk
    tail = decoder.decode(b"", True)
    if tail:
        yield tail
`,
);
import { registerRoots } from "../memory/audit.ts";
