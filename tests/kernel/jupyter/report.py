"""Runs unittest test cases and writes one JSON line per test (and per failed subtest) on
stdout, so that a Deno test can show each Python test case as a test step of its own.

    python3 report.py MODULE.py [MODULE.py ...]
"""
import importlib.util
import json
import os
import sys
import traceback
import unittest


class JsonLines(unittest.TestResult):
    def __init__(self):
        super().__init__()
        self.sub_failures = {}

    def emit(self, test, status, detail=""):
        name = test.id().rsplit(".", 2)
        print(json.dumps({"name": ".".join(name[-2:]), "status": status, "detail": detail}), flush=True)

    def addSuccess(self, test):
        failures = self.sub_failures.pop(test.id(), None)
        if failures:
            self.emit(test, "fail", "\n\n".join(failures))
        else:
            self.emit(test, "pass")

    def addFailure(self, test, err):
        self.emit(test, "fail", "".join(traceback.format_exception(*err)))

    def addError(self, test, err):
        self.emit(test, "fail", "".join(traceback.format_exception(*err)))

    def addSkip(self, test, reason):
        self.emit(test, "skip", reason)

    def stopTest(self, test):
        # a test whose subtests failed gets no addFailure of its own: report it here
        failures = self.sub_failures.pop(test.id(), None)
        if failures:
            self.emit(test, "fail", "\n\n".join(failures))
        super().stopTest(test)

    def addSubTest(self, test, subtest, err):
        if err is not None:
            if issubclass(err[0], unittest.SkipTest):
                return
            text = f"{subtest._subDescription()}:\n" + "".join(traceback.format_exception(*err))
            self.sub_failures.setdefault(test.id(), []).append(text)


def load(path):
    spec = importlib.util.spec_from_file_location(os.path.basename(path)[:-3], path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return unittest.defaultTestLoader.loadTestsFromModule(module)


if __name__ == "__main__":
    suite = unittest.TestSuite(load(p) for p in sys.argv[1:])
    # a class whose setUpClass failed reports through addError with a _ErrorHolder
    result = JsonLines()
    suite.run(result)
