"""The glasspy kernel driven by Jupyter's own clients: jupyter_client's KernelManager and
BlockingKernelClient (start, execute, interrupt, input, restart, shutdown) and nbclient
(a whole notebook), against the kernelspec named in GLASSPY_KERNEL_NAME.
"""
import os
import time
import unittest

import nbformat
from jupyter_client.manager import KernelManager
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

KERNEL = os.environ["GLASSPY_KERNEL_NAME"]
TIMEOUT = 20


def outputs(kc, code, **kw):
    """Runs code; returns (reply content, iopub messages of the request)."""
    msgs = []
    reply = kc.execute_interactive(code, timeout=TIMEOUT, output_hook=msgs.append, **kw)
    return reply["content"], msgs


def stdout_of(msgs):
    return "".join(m["content"]["text"] for m in msgs
                   if m["msg_type"] == "stream" and m["content"]["name"] == "stdout")


class JupyterClientTests(unittest.TestCase):
    def setUp(self):
        self.km = KernelManager(kernel_name=KERNEL)
        self.km.start_kernel()
        self.kc = self.km.client()
        self.kc.start_channels()
        self.kc.wait_for_ready(timeout=TIMEOUT)

    def tearDown(self):
        self.kc.stop_channels()
        if self.km.is_alive():
            self.km.shutdown_kernel(now=False)

    def test_kernel_info_names_glasspy(self):
        info = self.kc.kernel_info(reply=True, timeout=TIMEOUT)["content"]
        self.assertEqual(info["implementation"], "glasspy")
        self.assertEqual(info["language_info"]["name"], "python")
        self.assertTrue(info["language_info"]["version"].startswith("3.11."))

    def test_execute_shows_output_and_result(self):
        reply, msgs = outputs(self.kc, "x = 6\nprint('hi')\nx * 7")
        self.assertEqual(reply["status"], "ok")
        self.assertEqual(stdout_of(msgs), "hi\n")
        results = [m for m in msgs if m["msg_type"] == "execute_result"]
        self.assertEqual(results[0]["content"]["data"]["text/plain"], "42")

    def test_second_client_of_the_same_session_is_answered(self):
        # km.client() shares the manager's session, whose id jupyter_client uses as the
        # shell and stdin identity: the ROUTERs must hand the identity over to the newer
        # connection (router_handover), as ipykernel's do, or the second client is dropped.
        second = self.km.client()
        second.start_channels()
        try:
            second.wait_for_ready(timeout=TIMEOUT)
            reply, msgs = outputs(second, "print('second')")
            self.assertEqual(reply["status"], "ok")
            self.assertEqual(stdout_of(msgs), "second\n")
        finally:
            second.stop_channels()

    def test_state_persists_between_cells(self):
        outputs(self.kc, "kept = 'here'")
        reply, msgs = outputs(self.kc, "kept")
        results = [m for m in msgs if m["msg_type"] == "execute_result"]
        self.assertEqual(results[0]["content"]["data"]["text/plain"], "'here'")

    def test_interrupt_through_the_kernel_manager(self):
        outputs(self.kc, "before = 1")
        msg_id = self.kc.execute("while True:\n    pass")
        time.sleep(0.5)
        t0 = time.time()
        self.km.interrupt_kernel()  # interrupt_mode "message": an interrupt_request
        reply = self.kc.get_shell_msg(timeout=TIMEOUT)
        while reply["parent_header"].get("msg_id") != msg_id:
            reply = self.kc.get_shell_msg(timeout=TIMEOUT)
        self.assertLess(time.time() - t0, 2.0)
        self.assertEqual(reply["content"]["ename"], "KeyboardInterrupt")
        reply, msgs = outputs(self.kc, "before")
        self.assertEqual(reply["status"], "ok")

    def test_input_round_trip(self):
        answers = []

        def stdin_hook(msg):
            answers.append(msg["content"]["prompt"])
            self.kc.input("Grace")

        reply, msgs = outputs(self.kc, "who = input('name? ')\nprint('hello', who)",
                              allow_stdin=True, stdin_hook=stdin_hook)
        self.assertEqual(reply["status"], "ok")
        self.assertEqual(answers, ["name? "])
        self.assertEqual(stdout_of(msgs), "hello Grace\n")

    def test_heartbeat_while_a_cell_runs(self):
        msg_id = self.kc.execute("while True:\n    pass")
        time.sleep(0.5)
        self.assertTrue(self.kc.hb_channel.is_beating())
        self.assertTrue(self.km.is_alive())
        self.km.interrupt_kernel()
        reply = self.kc.get_shell_msg(timeout=TIMEOUT)
        while reply["parent_header"].get("msg_id") != msg_id:
            reply = self.kc.get_shell_msg(timeout=TIMEOUT)
        self.assertEqual(reply["content"]["ename"], "KeyboardInterrupt")

    def test_restart_starts_a_fresh_session(self):
        outputs(self.kc, "lost = 1")
        self.km.restart_kernel(now=False)
        self.kc.wait_for_ready(timeout=TIMEOUT)
        reply, msgs = outputs(self.kc, "lost")
        self.assertEqual(reply["status"], "error")
        self.assertEqual(reply["ename"], "NameError")

    def test_shutdown_ends_the_process(self):
        self.km.shutdown_kernel(now=False)
        self.assertFalse(self.km.is_alive())


class NbclientTests(unittest.TestCase):
    def run_notebook(self, sources, **kw):
        nb = nbformat.v4.new_notebook()
        nb.cells = [nbformat.v4.new_code_cell(s) for s in sources]
        client = NotebookClient(nb, kernel_name=KERNEL, timeout=TIMEOUT, **kw)
        client.execute()
        return nb

    def test_a_notebook_runs_top_to_bottom(self):
        nb = self.run_notebook([
            "a = 20",
            "print('a is', a)",
            "a + 22",
            "from IPython.display import clear_output\nprint('gone')\nclear_output()\nprint('kept')",
            "%who",
        ])
        self.assertEqual(nb.cells[1].outputs[0]["text"], "a is 20\n")
        self.assertEqual(nb.cells[2].outputs[0]["data"]["text/plain"], "42")
        self.assertEqual(nb.cells[2].execution_count, 3)
        self.assertEqual([o.get("text") for o in nb.cells[3].outputs], ["kept\n"])
        self.assertIn("a", nb.cells[4].outputs[0]["text"])
        self.assertEqual(nb.metadata["language_info"]["name"], "python")

    def test_an_error_stops_the_notebook(self):
        with self.assertRaises(CellExecutionError) as raised:
            self.run_notebook(["1/0", "never = 1"])
        self.assertIn("ZeroDivisionError", str(raised.exception))

    def test_allow_errors_records_the_traceback(self):
        nb = self.run_notebook(["1/0", "'after'"], allow_errors=True)
        self.assertEqual(nb.cells[0].outputs[0]["output_type"], "error")
        self.assertEqual(nb.cells[0].outputs[0]["ename"], "ZeroDivisionError")
        self.assertEqual(nb.cells[1].outputs[0]["data"]["text/plain"], "'after'")


if __name__ == "__main__":
    unittest.main()
