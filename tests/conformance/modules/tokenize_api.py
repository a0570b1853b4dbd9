# tokenize and token: the tokens of a small module, TokenInfo, exact types, the ENCODING
# token and detect_encoding, untokenize in both of its modes, and the errors.
import io
import token
import tokenize

source = '''def area(w, h=2):
    """Width times height."""
    # a comment line
    return w * h  # trailing

print(area(3), [1, 2][-1], {'k': .5e3j})
if area(1) >= 2 and not False:
\tx = 0x_ff + 0o17 + 0b1 + 1_000
'''

for tok in tokenize.generate_tokens(io.StringIO(source).readline):
    print(tok)
    if tok.type == token.OP:
        print("   exact:", token.tok_name[tok.exact_type])

print(tokenize.TokenInfo._fields, isinstance(tok, tuple), tok[0] == token.ENDMARKER)
print(token.NAME, token.OP, token.COMMENT, token.NL, token.ENCODING, token.N_TOKENS, token.NT_OFFSET)
print(token.tok_name[0], token.tok_name[54], token.ISTERMINAL(5), token.ISNONTERMINAL(300), token.ISEOF(0))
print(sorted(token.EXACT_TOKEN_TYPES.items())[:6], len(token.EXACT_TOKEN_TYPES))
print(tokenize.COMMENT == token.COMMENT, tokenize.ENCODING, tokenize.tok_name is token.tok_name)

# over bytes: the encoding first
data = source.encode("utf-8")
toks = list(tokenize.tokenize(io.BytesIO(data).readline))
print(toks[0], toks[1])
print(tokenize.untokenize(toks) == data)
print(tokenize.untokenize(tokenize.generate_tokens(io.StringIO(source).readline)) == source)
print(repr(tokenize.untokenize((t.type, t.string) for t in toks[:12])))

# encodings
for raw in [b"# -*- coding: latin-1 -*-\nx = '\xe9'\n", b"\xef\xbb\xbfx = 1\n", b"\n# vim: set fileencoding=utf_8 :\n",
            b"x = 1\n# coding: latin-1\n", b""]:
    print(tokenize.detect_encoding(io.BytesIO(raw).readline))
print([t.string for t in tokenize.tokenize(io.BytesIO(b"# coding: latin-1\nx = '\xe9'\n").readline)][:6])
for raw in [b"# coding: nosuch\n", b"\xef\xbb\xbf# coding: latin-1\n"]:
    try:
        tokenize.detect_encoding(io.BytesIO(raw).readline)
    except SyntaxError as e:
        print("SyntaxError", e)

# no newline at the end, continuation lines, brackets over lines, a string over lines
for text in ["x = 1", "x = (1,\n     2)\n", "y = 1 + \\\n    2\n", "s = 'a\\\nb'\n", "t = '''\nx\n'''\n",
             "# only a comment", "a = $ ?\n", "  \n", "if x:\n    y\n  z\n", "0777 1if 0b102 1__0 .5 ...\n",
             "a\r\nb\r\n", "f(**kw) -> x //= 3 @= 2 := !=\n", "u'x' rb'y' Rf\"z\" bu'w'\n"]:
    try:
        print([(token.tok_name[t.type], t.string, t.start, t.end)
               for t in tokenize.generate_tokens(io.StringIO(text).readline)])
    except Exception as e:
        print(type(e).__name__, e.args)

for text in ["x = (1,\n", "s = '''abc\n"]:
    try:
        list(tokenize.generate_tokens(io.StringIO(text).readline))
    except tokenize.TokenError as e:
        print("TokenError", e.args)
try:
    tokenize.untokenize([(token.NAME, "a", (2, 0), (2, 1), ""), (token.NAME, "b", (1, 0), (1, 1), "")])
except ValueError as e:
    print("ValueError", e)
