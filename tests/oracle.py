#!/usr/bin/env python3
"""Writes the expected outputs of glasspy's tests by asking the oracle, real CPython 3.11.

Run it with the CPython that is the reference (`python3` on our machines, 3.11.7):

    python3 tests/oracle.py                 # every suite
    python3 tests/oracle.py dis syntax      # some suites
    python3 tests/oracle.py tests/dis/x.py  # some files

Each suite is a folder of Python sources under tests/; each source gets its expected output
in files beside it, named after it:

    NAME.stdin   standard input for the program (optional, written by hand: it is input)
    NAME.out     stdout                 (always written)
    NAME.err     stderr                 (written only when not empty)
    NAME.status  exit status            (written only when not 0)
    NAME.dis     `python3 -m dis NAME.py`
                 (in tests/repl/, NAME.py is typed into `python3 -q -i` instead of run)
    NAME.ast     ast.dump(ast.parse(source), include_attributes=True)

Programs run with the suite folder as the working directory and the file named relatively
(`python3 NAME.py`), so tracebacks name the file as glasspy's tests will, and with
PYTHONHASHSEED=0, under which glasspy's str hashes and set orders are defined. Never edit
an expected file by hand: change the source and run this again.
"""

import ast
import os
import re
import subprocess
import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parent
TIMEOUT = 60


def python_env():
    env = dict(os.environ)
    env["PYTHONHASHSEED"] = "0"
    env["PYTHONIOENCODING"] = "utf-8"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    for name in ("PYTHONSTARTUP", "PYTHONPATH", "PYTHONWARNINGS", "PYTHONDEVMODE"):
        env.pop(name, None)
    return env


def run_python(path, *args):
    stdin = path.with_suffix(".stdin")
    return subprocess.run(
        [sys.executable, *args],
        cwd=path.parent,
        input=stdin.read_bytes() if stdin.exists() else b"",
        env=python_env(),
        capture_output=True,
        timeout=TIMEOUT,
    )


def write(path, data, keep_if_empty=True):
    """Writes bytes or text; removes the file instead when it would be empty and optional."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    if not data and not keep_if_empty:
        path.unlink(missing_ok=True)
        return
    path.write_bytes(data)


def relative_names(data, folder):
    """CPython 3.11 makes the script's name absolute (`__file__`, tracebacks, warnings); the
    expected files name it as given on the command line, so they do not depend on where the
    repository is checked out (glasspy's `run` names it so, see DESIGN.md)."""
    return data.replace(str(folder).encode() + b"/", b"")


def layout_of(data):
    """The layout of a report whose figures depend on the whole process, as
    `sys._debugmallocstats()` and `gc.DEBUG_STATS` write them to stderr: addresses become
    `0x?`, numbers `#`, and runs of blanks one blank. A program in a folder named `layout`
    expects its stderr so masked; a harness masks the other side the same way."""
    def mask(match):
        return b"0x?" if match[0].startswith(b"0x") else b"#"

    data = re.sub(rb"0x[0-9a-fA-F]+|[0-9]+(?:[,.][0-9]+)*", mask, data)
    return re.sub(rb"[ \t]+", b" ", data)


def expect_run(src):
    """A program: its stdout, stderr and exit status under `python3 NAME.py`."""
    done = run_python(src, src.name)
    stderr = relative_names(done.stderr, src.parent)
    if src.parent.name == "layout":
        stderr = layout_of(stderr)
    write(src.with_suffix(".out"), relative_names(done.stdout, src.parent))
    write(src.with_suffix(".err"), stderr, keep_if_empty=False)
    status = str(done.returncode) + "\n" if done.returncode else ""
    write(src.with_suffix(".status"), status, keep_if_empty=False)


def expect_dis(src):
    """A module's disassembly as `python3 -m dis NAME.py` prints it."""
    done = run_python(src, "-m", "dis", src.name)
    if done.returncode != 0:
        raise RuntimeError(f"{src}: python3 -m dis failed:\n{done.stderr.decode()}")
    write(src.with_suffix(".dis"), done.stdout)


def expect_ast(src):
    """The parser's tree, positions included."""
    tree = ast.parse(src.read_bytes(), filename=src.name)
    write(src.with_suffix(".ast"), ast.dump(tree, include_attributes=True) + "\n")


def expect_repl(src):
    """An interactive session: the source is typed into `python3 -q -i` (no banner) line by
    line; stdout holds what the REPL echoed and printed, stderr the prompts and tracebacks."""
    done = subprocess.run(
        [sys.executable, "-q", "-i"],
        cwd=src.parent,
        input=src.read_bytes(),
        env=python_env(),
        capture_output=True,
        timeout=TIMEOUT,
    )
    write(src.with_suffix(".out"), done.stdout)
    write(src.with_suffix(".err"), done.stderr, keep_if_empty=False)
    status = str(done.returncode) + "\n" if done.returncode else ""
    write(src.with_suffix(".status"), status, keep_if_empty=False)


# suite folder (under tests/) -> what each of its sources expects
SUITES = {
    "conformance": [expect_run, expect_ast],
    "dis": [expect_dis, expect_ast],
    "syntax": [expect_run],
    # programs that print a JSON table of CPython's answers, read by unit tests
    "tables": [expect_run],
    # sessions typed into the REPL (`python3 -q -i`), for glasspy's `repl`
    "repl": [expect_repl],
}


def sources(suite):
    folder = TESTS / suite
    return sorted(folder.rglob("*.py")) if folder.is_dir() else []


def suite_of(path):
    rel = path.resolve().relative_to(TESTS)
    return rel.parts[0]


def main(argv):
    if sys.version_info[:2] != (3, 11):
        sys.exit(f"oracle.py: the oracle is CPython 3.11, this is {sys.version.split()[0]}")
    jobs = []
    for arg in argv or list(SUITES):
        path = Path(arg)
        if path.suffix == ".py":
            jobs.append((suite_of(path), path.resolve()))
        elif arg in SUITES:
            jobs.extend((arg, src) for src in sources(arg))
        else:
            sys.exit(f"oracle.py: '{arg}' is neither a suite ({', '.join(SUITES)}) nor a .py file")
    for suite, src in jobs:
        if suite not in SUITES:
            sys.exit(f"oracle.py: {src} is not in a suite folder ({', '.join(SUITES)})")
        for expect in SUITES[suite]:
            expect(src)
    print(f"oracle.py: wrote expected outputs for {len(jobs)} sources with {sys.version.split()[0]}")


if __name__ == "__main__":
    main(sys.argv[1:])
