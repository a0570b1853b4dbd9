"""The glasspy kernel under Debian's Jupyter Notebook server, as a browser uses it: the
kernel started through the REST API, messages over the notebook's websocket, interrupt and
restart through the REST API. GLASSPY_KERNEL_NAME names the kernelspec.
"""
import json
import os
import socket
import subprocess
import sys
import time
import unittest
import urllib.request
import uuid

from tornado import gen
from tornado.httpclient import HTTPRequest
from tornado.ioloop import IOLoop
from tornado.websocket import websocket_connect

KERNEL = os.environ["GLASSPY_KERNEL_NAME"]
TOKEN = uuid.uuid4().hex


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class NotebookServerTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.port = free_port()
        cls.base = f"http://127.0.0.1:{cls.port}"
        cls.server = subprocess.Popen(
            [sys.executable, "-m", "notebook", "--no-browser", f"--port={cls.port}",
             "--ip=127.0.0.1", f"--NotebookApp.token={TOKEN}", "--allow-root",
             f"--notebook-dir={os.environ.get('TMPDIR', '/tmp')}"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        deadline = time.time() + 30
        while True:
            try:
                cls.api("GET", "/api/status")
                break
            except Exception:
                if time.time() > deadline:
                    raise
                time.sleep(0.2)

    @classmethod
    def tearDownClass(cls):
        cls.server.terminate()
        cls.server.wait(timeout=20)

    @classmethod
    def api(cls, method, path, body=None):
        req = urllib.request.Request(
            f"{cls.base}{path}", method=method,
            data=None if body is None else json.dumps(body).encode(),
            headers={"Authorization": f"token {TOKEN}", "Content-Type": "application/json"},
        )
        with urllib.request.urlopen(req, timeout=30) as r:
            text = r.read()
            return json.loads(text) if text else None

    def run_session(self, script):
        """Runs `script(ws, send, collect)` against a new kernel's websocket."""
        kernel = self.api("POST", "/api/kernels", {"name": KERNEL})
        kid = kernel["id"]
        session = uuid.uuid4().hex

        async def main():
            url = f"ws://127.0.0.1:{self.port}/api/kernels/{kid}/channels?session_id={session}&token={TOKEN}"
            ws = await websocket_connect(HTTPRequest(url))

            async def send(msg_type, content, channel="shell"):
                msg_id = uuid.uuid4().hex
                await ws.write_message(json.dumps({
                    "header": {"msg_id": msg_id, "msg_type": msg_type, "username": "test",
                               "session": session, "date": "", "version": "5.3"},
                    "parent_header": {}, "metadata": {}, "content": content, "channel": channel,
                    "buffers": [],
                }))
                return msg_id

            async def collect(msg_id, until_idle=True, timeout=20):
                """Messages answering msg_id, up to the idle status (and the reply)."""
                got, replied, idle = [], False, False
                deadline = time.time() + timeout
                while not (replied and (idle or not until_idle)):
                    left = deadline - time.time()
                    if left <= 0:
                        raise TimeoutError(f"no answer to {msg_id}: {got}")
                    raw = await gen.with_timeout(time.time() + left, ws.read_message())
                    msg = json.loads(raw)
                    if msg.get("parent_header", {}).get("msg_id") != msg_id:
                        continue
                    got.append(msg)
                    if msg["msg_type"].endswith("_reply"):
                        replied = True
                    if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                        idle = True
                return got

            try:
                await script(kid, send, collect)
            finally:
                ws.close()

        try:
            IOLoop.current().run_sync(main, timeout=120)
        finally:
            self.api("DELETE", f"/api/kernels/{kid}")

    def test_runs_cells_and_shows_output(self):
        async def script(kid, send, collect):
            msgs = await collect(await send("execute_request", {"code": "x = 6\nprint('hi')\nx * 7", "silent": False}))
            kinds = [m["msg_type"] for m in msgs]
            self.assertIn("execute_input", kinds)
            stream = [m for m in msgs if m["msg_type"] == "stream"]
            self.assertEqual(stream[0]["content"]["text"], "hi\n")
            result = [m for m in msgs if m["msg_type"] == "execute_result"]
            self.assertEqual(result[0]["content"]["data"]["text/plain"], "42")
        self.run_session(script)

    def test_interrupts_through_the_server(self):
        async def script(kid, send, collect):
            await collect(await send("execute_request", {"code": "kept = 1", "silent": False}))
            busy = await send("execute_request", {"code": "while True:\n    pass", "silent": False})
            await gen.sleep(0.5)
            t0 = time.time()
            self.api("POST", f"/api/kernels/{kid}/interrupt")
            msgs = await collect(busy)
            self.assertLess(time.time() - t0, 2.0)
            reply = [m for m in msgs if m["msg_type"] == "execute_reply"][0]
            self.assertEqual(reply["content"]["ename"], "KeyboardInterrupt")
            msgs = await collect(await send("execute_request", {"code": "kept", "silent": False}))
            self.assertEqual([m for m in msgs if m["msg_type"] == "execute_reply"][0]["content"]["status"], "ok")
        self.run_session(script)

    def test_restarts_through_the_server(self):
        async def script(kid, send, collect):
            await collect(await send("execute_request", {"code": "lost = 1", "silent": False}))
            self.api("POST", f"/api/kernels/{kid}/restart")
            # A slow restart lets a timed-out request run later; its NameError must not abort
            # the retries queued behind it, so they ask not to stop on error.
            for _ in range(100):
                try:
                    code = {"code": "lost", "silent": False, "stop_on_error": False}
                    msgs = await collect(await send("execute_request", code), timeout=2)
                    break
                except TimeoutError:
                    continue
            reply = [m for m in msgs if m["msg_type"] == "execute_reply"][0]
            self.assertEqual(reply["content"]["ename"], "NameError")
        self.run_session(script)


if __name__ == "__main__":
    unittest.main()
