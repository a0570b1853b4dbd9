"""Jupyter's own conformance suite (jupyter_kernel_test) against the glasspy kernelspec
named in GLASSPY_KERNEL_NAME, with every sample attribute set.

GLASSPY_SAMPLES picks the samples: "python" for glasspy's VM; "toy" while the protocol is
tested against the toy engine (a test double that understands a sliver of Python).
"""
import os

import jupyter_kernel_test

SAMPLES = os.environ.get("GLASSPY_SAMPLES", "python")


class GlasspyKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = os.environ["GLASSPY_KERNEL_NAME"]
    language_name = "python"
    file_extension = ".py"

    code_hello_world = "print('hello, world')"
    code_stderr = "import sys\nprint('test', file=sys.stderr)"
    completion_samples = [{"text": "pri", "matches": {"print"}}]
    complete_code_samples = ["1", "print('hello, world')", "x = 1\n"]
    incomplete_code_samples = ["print('''hello", "for i in range(3):", "x = (1,"]
    invalid_code_samples = ["1)", "a)("]
    code_page_something = "print?"
    code_generate_error = "raise ValueError('oops')"
    code_execute_result = [
        {"code": "1+2+3", "result": "6"},
        {"code": "6*7", "result": "42"},
        {"code": "'hello' + ' world'", "result": "'hello world'"},
    ]
    code_display_data = [
        {"code": "display(3)", "mime": "text/plain"},
    ]
    code_history_pattern = "6*"
    supported_history_operations = ("tail", "range", "search")
    code_inspect_sample = "print"
    code_clear_output = "from IPython.display import clear_output\nclear_output()"

    if SAMPLES == "python":
        completion_samples = [
            {"text": "pri", "matches": {"print"}},
            {"text": "import sys\nsys.ver", "matches": {"version", "version_info"}},
        ]
        complete_code_samples += ["def f(x):\n  return x*2\n\n\n"]
        incomplete_code_samples += ["def f(x):\n  x*2"]
        invalid_code_samples += ["import = 7q"]
        code_execute_result += [{"code": "[n*n for n in range(1, 4)]", "result": "[1, 4, 9]"}]
        code_display_data += [
            {
                "code": "class H:\n    def _repr_html_(self):\n        return '<b>x</b>'\ndisplay(H())",
                "mime": "text/html",
            },
            {"code": "from IPython.display import HTML, display\ndisplay(HTML('<b>test</b>'))", "mime": "text/html"},
            {"code": "from IPython.display import Markdown, display\ndisplay(Markdown('*x*'))", "mime": "text/markdown"},
        ]
    else:
        code_display_data += [{"code": "display(Html('<b>x</b>'))", "mime": "text/html"}]
