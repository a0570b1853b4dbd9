"""The lesson notebooks, each run top to bottom with nbclient on glasspy (the installed
kernelspec GLASSPY_KERNEL_NAME, stop on error) and on ipykernel (Debian's, kernelspec
python3), in the same run. For each lesson:

- test_runs_top_to_bottom: no cell raised on glasspy (cells tagged raises-exception aside);
- test_committed_from_glasspy: the notebook in the repository was run top to bottom by
  glasspy (`deno task lessons`), so it reads well without a kernel;
- test_<cell id>, one per code cell: a cell CPython can also answer shows on glasspy what it
  shows on ipykernel (stream text, text/plain of results and displays, exception class and
  message; addresses masked); in a cell of glasspy's own views (lessons.glass_views_of),
  the views' bundles have the right shape and the rest of its output is compared, and so
  is every cell run while `%stats on` is in force, but for its statistics table.

GLASSPY_LESSONS is the folder of the notebooks.
"""
import html.parser
import json
import os
import re
import sys
import unittest
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lessons  # noqa: E402

KERNEL = os.environ["GLASSPY_KERNEL_NAME"]
FOLDER = os.environ["GLASSPY_LESSONS"]
REFERENCE = "python3"
PATHS = lessons.lessons(FOLDER)
KNOWN = lessons.known_differences()



def view_needs(magic, args):
    """The mime types, beyond text/plain, that the bundles of one of glasspy's views must
    carry between them (an empty set: the view shows nothing, as `%stats on` does)."""
    words = args.split()
    if magic == "refs":
        return {"image/svg+xml", "text/vnd.graphviz", "application/json"}
    if magic == "stats":
        return set() if words[:1] in (["on"], ["off"]) else {"text/html", "application/json"}
    if magic == "gc":
        # %gc collect draws the island it found when there is a small one, lists it otherwise
        return {"application/json"} if words[:1] == ["collect"] else {"text/html", "application/json"}
    if magic in ("heap", "ast"):
        return {"image/svg+xml"}
    if magic in ("trace", "dis"):
        return {"text/html"}
    return set()


def is_stats_table(output):
    """The statistics bundle glasspy shows after a cell while `%stats on` is in force."""
    return (output["output_type"] == "display_data"
            and 'class="glasspy-stats"' in output["data"].get("text/html", ""))


def mask(text):
    text = re.sub(r" at 0x[0-9a-f]+", " at 0x…", text)
    text = re.sub(r'file "[^"]*"', 'file "…"', text)
    text = re.sub(r"file '[^']*'", "file '…'", text)
    return text


def mask_times(text):
    # %time and %timeit: "Wall time: 1.2 ms", "1.05 µs ± 3.2 ns per loop (mean ± std. dev. of
    # 7 runs, 1,000,000 loops each)"
    text = re.sub(r"\d[\d.,]*\s*(ns|µs|us|ms|s)\b", "…", text)
    return re.sub(r"of \d+ runs?, [\d,]+ loops? each", "of … runs, … loops each", text)


def shown(outputs, timed=False):
    """What a reader sees of a cell's outputs, in order, as comparable values."""
    out = []
    m = mask_times if timed else (lambda t: t)
    for o in outputs:
        kind = o["output_type"]
        if kind == "stream":
            # how text is cut into stream messages is a matter of flush timing
            text = m(mask(o["text"]))
            if out and out[-1][0] == o["name"]:
                out[-1] = (o["name"], out[-1][1] + text)
            else:
                out.append((o["name"], text))
        elif kind in ("execute_result", "display_data"):
            out.append((kind, m(mask(o["data"].get("text/plain", "")))))
        elif kind == "error":
            out.append(("error", o["ename"], mask(o["evalue"])))
    return out


def view_shows(magic, args):
    """What the pictures and tables of one of glasspy's views must show: (a word that one of
    its SVGs must contain, or None; whether one of its HTML parts must be a table)."""
    words = args.split()
    if magic == "refs":
        return "refcnt", False
    if magic == "ast":
        return ("Expression" if words[:2] == ["--mode", "eval"] else "Module"), False
    if magic == "heap":
        return "class", True
    if magic in ("stats", "trace", "dis"):
        return None, True
    if magic == "gc" and not words:
        return None, True
    return None, False


def bundle_problems(views, bundles):
    """What is wrong with the bundles that glasspy's views (a list of (magic, arguments))
    showed in a cell: an empty list when nothing is."""
    problems = []
    wanted = set().union(*(view_needs(m, a) for m, a in views))
    if not bundles:
        if wanted:
            problems.append("no display bundle")
        return problems
    svg_texts = []
    tables = 0
    for b in bundles:
        data = b["data"]
        if "text/plain" not in data or not data["text/plain"].strip():
            problems.append(f"a bundle without text/plain: {sorted(data)}")
        wanted -= set(data)
        svg = data.get("image/svg+xml")
        if svg is not None:
            try:
                root = ET.fromstring(svg)
                if not root.tag.endswith("svg"):
                    problems.append(f"image/svg+xml whose root is <{root.tag}>")
                svg_texts.append(" ".join(t.text or "" for t in root.iter() if t.tag.endswith("text")))
            except ET.ParseError as e:
                problems.append(f"image/svg+xml is not XML: {e}")
        page = data.get("text/html")
        if page is not None:
            parser = html.parser.HTMLParser()
            parser.feed(page)
            parser.close()
            tables += "<table" in page
        if "application/json" in data and not isinstance(data["application/json"], (dict, list)):
            problems.append("application/json is not an object or an array")
    if wanted:
        problems.append(f"no bundle carries {sorted(wanted)}")
    for magic, args in views:
        word, table = view_shows(magic, args)
        if word is not None and not any(word in t for t in svg_texts):
            problems.append(f"%{magic} drew no SVG showing {word!r}")
        if table and not tables:
            problems.append(f"%{magic} showed no HTML table")
    return problems


def counting_problems(tables, counted):
    """What is wrong with the reference-count figures of statistics tables: when the JSON
    carries the execution counts (always, with `counted`: a `%%stats` cell or `%stats on`),
    the text and the HTML table must show the same increments and decrements."""
    problems = []
    for t in tables:
        stats = t["data"].get("application/json")
        execution = stats.get("execution") if isinstance(stats, dict) else None
        if execution is None:
            if counted:
                problems.append("a counted statistics table without execution counts")
            continue
        inc, dec = execution.get("increfs"), execution.get("decrefs")
        if not (isinstance(inc, int) and isinstance(dec, int) and inc > 0 and dec > 0):
            problems.append(f"reference counts that are not positive numbers: {inc!r}, {dec!r}")
            continue
        line = f"{inc:,} increments, {dec:,} decrements"
        if not re.search(r"\nreference counts +" + re.escape(line) + r"\n", t["data"].get("text/plain", "") + "\n"):
            problems.append(f"text/plain does not show the reference counts {line!r}")
        if f">{line}</td>" not in t["data"].get("text/html", ""):
            problems.append(f"text/html does not show the reference counts {line!r}")
    return problems


def stats_on_at(nb, index):
    """Whether `%stats on` is in force when cell `index` runs (a `%stats on|off` cell itself
    shows nothing)."""
    state = False
    for cell in nb.cells[:index]:
        if cell.cell_type == "code":
            switch = lessons.stats_switch(cell.source)
            if switch is not None:
                state = switch
    return state


def describe(i, cell):
    return f"cell {i + 1} (id {cell.get('id')}):\n{cell.source}"


class Lesson:
    path = None
    glasspy = None  # the notebook as glasspy ran it
    reference = None  # as ipykernel ran it
    failure = None  # (cell index, error) when glasspy's run stopped

    @classmethod
    def setUpClass(cls):
        run_everything()

    def test_runs_top_to_bottom(self):
        if self.failure is not None:
            i, error = self.failure
            where = describe(i, self.glasspy.cells[i]) if i is not None else "(no cell)"
            self.fail(f"glasspy stopped at {where}\n\n{error}")

    def test_committed_from_glasspy(self):
        nb = lessons.read(self.path)
        spec = nb.metadata.get("kernelspec", {})
        self.assertEqual(spec.get("name"), "glasspy", "the lesson's kernelspec")
        code = [c for c in nb.cells if c.cell_type == "code"]
        for n, c in enumerate(code):
            if c.execution_count != n + 1:
                self.fail(f"code cell {n + 1} shows execution count {c.execution_count}: the "
                          "lesson was not run top to bottom by glasspy (`deno task lessons`)")
        for i, c in enumerate(code):
            unexpected = [o for o in c.outputs if o["output_type"] == "error"]
            known = lessons.test_name(self.path, c) in KNOWN
            if unexpected and not lessons.expects_error(c) and not known:
                self.fail(f"the committed code cell {i + 1} shows an error:\n{c.source}")


def cell_test(index):
    def test(self):
        mine = self.glasspy.cells[index]
        theirs = self.reference.cells[index]
        if mine.execution_count is None:
            self.skipTest("not reached: glasspy stopped earlier (see test_runs_top_to_bottom)")
        kind = lessons.kind_of(mine)
        outputs = list(mine.outputs)
        problems = []
        if kind == "glass":
            # the views' bundles are glasspy's own; the rest of the cell is compared
            views = lessons.glass_views_of(mine.source)
            bundles = [o for o in outputs if o["output_type"] == "display_data"]
            outputs = [o for o in outputs if o["output_type"] != "display_data"]
            problems += bundle_problems(views, bundles)
            counted = mine.source.lstrip().startswith("%%stats")
            problems += counting_problems([b for b in bundles if is_stats_table(b)], counted)
        if stats_on_at(self.glasspy, index) and lessons.stats_switch(mine.source) is None:
            tables = [o for o in outputs if is_stats_table(o)]
            outputs = [o for o in outputs if not is_stats_table(o)]
            if len(tables) != 1:
                problems.append(f"%stats on, yet the cell shows {len(tables)} statistics tables")
            problems += bundle_problems([("stats", "")], tables)
            problems += counting_problems(tables, True)
        if problems:
            self.fail(describe(index, mine) + "\n\n" + "\n".join(problems))
        got = shown(outputs, timed=kind == "timed")
        want = shown(theirs.outputs, timed=kind == "timed")
        if got != want:
            self.fail(
                describe(index, mine)
                + "\n\nglasspy:\n" + json.dumps(got, indent=1, ensure_ascii=False)
                + "\n\nipykernel:\n" + json.dumps(want, indent=1, ensure_ascii=False)
            )
    return test


_ran = False


def run_everything():
    """Runs every lesson on both kernels, once, at most a few at a time."""
    global _ran
    if _ran:
        return
    _ran = True
    lessons.installed_spec(KERNEL)
    jobs = []
    for cls in CLASSES:
        nb = lessons.read(cls.path)
        cls.glasspy = lessons.cleared(nb)
        cls.tolerated = lessons.tolerate(cls.glasspy, cls.path, KNOWN)
        cls.reference = lessons.cleared(nb)
        cwd = os.path.dirname(os.path.abspath(cls.path))
        jobs.append((cls.glasspy, KERNEL, cwd, True))
        jobs.append((cls.reference, REFERENCE, cwd, False))
    results = lessons.run_all(jobs, limit=int(os.environ.get("GLASSPY_LESSONS_JOBS", "2")))
    for n, cls in enumerate(CLASSES):
        cls.failure = results[2 * n]


CLASSES = []
for _path in PATHS:
    _nb = lessons.read(_path)
    _cls = type(lessons.class_name(_path), (Lesson, unittest.TestCase), {"path": _path})
    for _i, _cell in enumerate(_nb.cells):
        if _cell.cell_type == "code":
            setattr(_cls, f"test_{_cell.get('id', _i)}", cell_test(_i))
    CLASSES.append(_cls)
    globals()[_cls.__name__] = _cls
del _path, _nb, _cls, _i, _cell
