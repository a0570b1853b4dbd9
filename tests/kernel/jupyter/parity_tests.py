"""The same notebook on ipykernel (Debian's, kernelspec python3) and on glasspy
(GLASSPY_KERNEL_NAME), both through nbclient: every cell must show the same thing.

Compared per cell: stdout and stderr text, execute_result text/plain, display_data
text/plain, and for errors the exception's class and message (the traceback's layout is
IPython's on one side and CPython's on the other, by design). Addresses ("at 0x...") and
the file names of cells are masked.
"""
import os
import re
import unittest

import nbformat
from nbclient import NotebookClient

KERNEL = os.environ["GLASSPY_KERNEL_NAME"]
NOTEBOOK = os.environ["GLASSPY_PARITY_NOTEBOOK"]


def cells_of(path):
    text = open(path).read()
    parts = re.split(r"^# %%\n", text, flags=re.M)
    return [p.rstrip("\n") for p in parts[1:]]


def mask(text):
    text = re.sub(r" at 0x[0-9a-f]+", " at 0x…", text)
    text = re.sub(r'file "[^"]*"', 'file "…"', text)
    return text


def shown(cell):
    out = []
    for o in cell.outputs:
        kind = o["output_type"]
        if kind == "stream":
            # how text is cut into stream messages is a matter of flush timing
            if out and out[-1][0] == o["name"]:
                out[-1] = (o["name"], out[-1][1] + mask(o["text"]))
            else:
                out.append((o["name"], mask(o["text"])))
        elif kind in ("execute_result", "display_data"):
            out.append((kind, mask(o["data"].get("text/plain", ""))))
        elif kind == "error":
            out.append(("error", o["ename"], mask(o["evalue"])))
    return out


def run(kernel, sources):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(s) for s in sources]
    NotebookClient(nb, kernel_name=kernel, timeout=60, allow_errors=True).execute()
    return nb


class Parity(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.sources = cells_of(NOTEBOOK)
        cls.ipykernel = run("python3", cls.sources)
        cls.glasspy = run(KERNEL, cls.sources)


def make_test(i):
    def test(self):
        want = shown(self.ipykernel.cells[i])
        got = shown(self.glasspy.cells[i])
        self.assertEqual(got, want, f"cell {i + 1}:\n{self.sources[i]}")
    return test


for _i, _source in enumerate(cells_of(NOTEBOOK)):
    _name = re.sub(r"\W+", "_", _source.splitlines()[-1])[:40].strip("_")
    setattr(Parity, f"test_cell_{_i + 1:02d}_{_name}", make_test(_i))


class CompletionParity(unittest.TestCase):
    """complete_request on ipykernel and on glasspy: the magic names offered, in order, and
    the cursor span (of the magics both have)."""

    SAMPLES = ["%ti", "%%ti", "%xd", "ti", "%hist", "x = 1\n%ma", "  %ls", "%%", "%", "xm",
               "f(xm", "%ti; %ti", "%xmode Pl", "import sys\nsys.ma", "wh"]

    @classmethod
    def setUpClass(cls):
        from jupyter_client.manager import start_new_kernel
        cls.kernels = []
        for name in ("python3", KERNEL):
            km, kc = start_new_kernel(kernel_name=name)
            kc.execute_interactive("xmode_value = 1\nwhos_there = 2", timeout=60)
            cls.kernels.append((km, kc))

    @classmethod
    def tearDownClass(cls):
        for km, kc in cls.kernels:
            kc.stop_channels()
            km.shutdown_kernel(now=True)

    def answers(self, code):
        out = []
        for _, kc in self.kernels:
            c = kc.complete(code, reply=True, timeout=60)["content"]
            out.append((c["matches"], c["cursor_start"], c["cursor_end"]))
        return out

    def test_magic_names(self):
        theirs, ours = (set(answer[0]) for answer in self.answers("%"))
        both = theirs & ours
        for code in self.SAMPLES:
            (want, ws, we), (got, gs, ge) = self.answers(code)
            want_magics = [m for m in want if m in both]
            got_magics = [m for m in got if m in both]
            self.assertEqual((got_magics, gs, ge), (want_magics, ws, we), repr(code))
            # names in scope come before the magics, as in ipykernel
            first_magic = next((i for i, m in enumerate(got) if m.startswith("%")), len(got))
            self.assertTrue(all(not m.startswith("%") for m in got[:first_magic]))


class ExecutionCountParity(unittest.TestCase):
    """The execution counts of a run of cells sent with silent and store_history set either
    way, and with an error among them, on ipykernel and on glasspy: in execute_input, in
    execute_result (with the result shown, `_` and `Out` included) and in execute_reply."""

    # (no stop_on_error after an error: which requests ipykernel aborts then is a race with
    # its event loop, stop_on_error_timeout)
    STEPS = [("1", {}), ("2", {"store_history": False}), ("3", {}), ("4", {"silent": True}),
             ("5", {}), ("1/0", {"store_history": False, "stop_on_error": False}), ("6", {}),
             ("_", {}), ("7", {"silent": True, "store_history": True}), ("len(Out)", {}),
             ("8", {"store_history": False}), ("_", {}), ("1/0", {"stop_on_error": False}),
             ("9", {})]

    @staticmethod
    def counts(name):
        from jupyter_client.manager import start_new_kernel
        km, kc = start_new_kernel(kernel_name=name)
        try:
            out = []
            for code, options in ExecutionCountParity.STEPS:
                msg_id = kc.execute(code, **options)
                reply = kc.get_shell_msg(timeout=60)
                while reply["parent_header"].get("msg_id") != msg_id:
                    reply = kc.get_shell_msg(timeout=60)
                seen = {"reply": reply["content"].get("execution_count")}
                while True:
                    m = kc.get_iopub_msg(timeout=60)
                    if m["parent_header"].get("msg_id") != msg_id:
                        continue
                    kind = m["msg_type"]
                    if kind == "execute_input":
                        seen["input"] = m["content"]["execution_count"]
                    elif kind == "execute_result":
                        seen["result"] = (m["content"]["execution_count"],
                                          m["content"]["data"]["text/plain"])
                    elif kind == "error":
                        seen["error"] = m["content"]["ename"]
                    elif kind == "status" and m["content"]["execution_state"] == "idle":
                        break
                out.append(((code, options), seen))
            return out
        finally:
            kc.stop_channels()
            km.shutdown_kernel(now=True)

    def test_counts_with_silent_and_store_history(self):
        want = self.counts("python3")
        got = self.counts(KERNEL)
        for (step, w), (_, g) in zip(want, got):
            self.assertEqual(g, w, step)


class InspectParity(unittest.TestCase):
    """inspect_request (`name?`) on ipykernel and on glasspy: the signature a builtin
    function shows (CPython's text signature, as IPython lays it out: one line, or one
    parameter a line when long), and its type. Docstrings are CPython's prose, which glasspy
    does not carry."""

    BUILTINS = ["__import__", "abs", "all", "any", "ascii", "bin", "callable", "chr",
                "compile", "delattr", "divmod", "eval", "exec", "format", "globals",
                "hasattr", "hash", "hex", "id", "input", "isinstance", "issubclass", "len",
                "locals", "oct", "open", "ord", "pow", "print", "repr", "round", "setattr",
                "sorted", "sum"]
    DEFINED = ("def short(a, b=1, /, *c, d, **e): pass\n"
               "def a_function_with_a_long_name(alpha, beta='x, y', *args, gamma=None,"
               " delta=(1, 2), **kwargs): pass\n")

    @classmethod
    def setUpClass(cls):
        from jupyter_client.manager import start_new_kernel
        cls.kernels = []
        for name in ("python3", KERNEL):
            km, kc = start_new_kernel(kernel_name=name)
            kc.execute_interactive(cls.DEFINED, timeout=60)
            cls.kernels.append((km, kc))

    @classmethod
    def tearDownClass(cls):
        for km, kc in cls.kernels:
            kc.stop_channels()
            km.shutdown_kernel(now=True)

    @staticmethod
    def fields(text):
        """The pinfo fields: title -> content (colours removed)."""
        text = re.sub(r"\x1b\[[0-9;]*m", "", text)
        out = {}
        for m in re.finditer(r"^([A-Z][A-Za-z ]*):(?: +|\n)(.*?)(?=^[A-Z][A-Za-z ]*:|\Z)",
                             text, flags=re.M | re.S):
            out[m.group(1)] = m.group(2).rstrip("\n")
        return out

    def shown(self, name):
        out = []
        for _, kc in self.kernels:
            c = kc.inspect(name, len(name), 0, reply=True, timeout=60)["content"]
            self.assertTrue(c["found"], f"{name} not found")
            f = self.fields(c["data"]["text/plain"])
            out.append((f.get("Signature"), f.get("Type")))
        return out

    def test_builtin_functions(self):
        for name in self.BUILTINS:
            want, got = self.shown(name)
            self.assertIsNotNone(want[0], name)
            self.assertEqual(got, want, name)

    def test_long_signatures_one_parameter_a_line(self):
        for name in ("short", "a_function_with_a_long_name"):
            want, got = self.shown(name)
            self.assertEqual(got, want, name)
