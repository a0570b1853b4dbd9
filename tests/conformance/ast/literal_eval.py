# ast.literal_eval: what it evaluates and what it refuses
import ast

for text in ["42", "-7", "+3.5", "1e3", "0x1F", "'s' 'tr'", "b'by'", "None", "True", "...",
             "(1, 'a', [2, 3])", "{'k': (1, 2), 3: None}", "{1, 2, 3}", "set()",
             "1+2j", "-1-2j", "3-0j", "[[], {}, ()]", "  \t 17", "-(1)", "--1"]:
    try:
        print(repr(text), '->', repr(ast.literal_eval(text)))
    except ValueError as e:
        print(repr(text), 'ValueError', str(e).split(': <')[0])
    except SyntaxError as e:
        print(repr(text), 'SyntaxError', e.msg)
for bad in ["a", "1 + 1", "2j + 1", "f(1)", "{**d}", "[x for x in y]", "set([1])",
            "'a' + 'b'", "-'a'", "{[]: 1}", "1 if 2 else 3"]:
    try:
        ast.literal_eval(bad)
    except ValueError as e:
        print(repr(bad), str(e).split(':')[0])
    except TypeError as e:
        print(repr(bad), 'TypeError', e)
print(ast.literal_eval(ast.parse("[1, 2]", mode="eval")))
print(ast.literal_eval(ast.Constant(5)))
try:
    ast.literal_eval(ast.Name('x'))
except ValueError as e:
    print(str(e).split(": <")[0])
