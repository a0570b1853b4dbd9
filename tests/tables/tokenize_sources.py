# tokenize.tokenize over each dis, conformance and syntax source, as a JSON table
# {path: [tokens]} read by tests/modules/tokenize_test.ts. A token is written as
# "TYPE string start end" (the exact type's name for operators); a source that stops the
# tokenizer ends its list with the exception.
import io
import json
import tokenize
from pathlib import Path
from token import tok_name

tests = Path(__file__).resolve().parent.parent
table = {}
for suite in ("dis", "conformance", "syntax"):
    for path in sorted((tests / suite).rglob("*.py")):
        out = []
        try:
            for t in tokenize.tokenize(io.BytesIO(path.read_bytes()).readline):
                out.append("%s %r %d,%d %d,%d" % ((tok_name[t.exact_type], t.string) + t.start + t.end))
        except Exception as e:
            out.append("%s: %s" % (type(e).__name__, e))
        table[path.relative_to(tests.parent).as_posix()] = out
print(json.dumps(table, indent=0, sort_keys=True))
