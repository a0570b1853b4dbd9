"""What the lesson tests and `deno task lessons` share: finding the lessons, running one on
a kernel with nbclient, and telling which cells show what CPython can also show.

A code cell is one of three kinds:
- "glass": it uses one of glasspy's own views (%%trace or %%stats as its cell magic, or
  %refs, %stats, %gc, %heap, %ast, %dis --html on one of its lines); ipykernel has no such thing, so the
  view's bundles are checked for their shape, and only the rest of the cell's output is
  compared;
- "timed": %time or %timeit, whose figures differ from run to run: compared with the
  figures masked;
- "compared": everything else, whose output must be what ipykernel shows for it.
"""
import asyncio
import copy
import glob
import os
import re

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

GLASS_MAGICS = {"refs", "stats", "gc", "heap", "trace", "ast"}
TIMED_MAGICS = {"time", "timeit"}


def lessons(folder):
    """The lesson notebooks of `folder`, in their order (their names start with a number)."""
    return sorted(p for p in glob.glob(os.path.join(folder, "*.ipynb")) if re.match(r"\d", os.path.basename(p)))


def class_name(path):
    """The test class of a lesson: L01_from_source_to_bytecode for 01-from-source-to-bytecode."""
    stem = os.path.basename(path)[:-len(".ipynb")]
    return "L" + re.sub(r"\W+", "_", stem)


def test_name(path, cell):
    """The name of a cell's test, as known_differences.txt lists it."""
    return f"{class_name(path)}.test_{cell.get('id')}"


def known_differences():
    """The names listed in known_differences.txt (see lessons_test.ts)."""
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "known_differences.txt"), encoding="utf-8") as f:
        lines = (re.sub(r"#.*", "", line).strip() for line in f)
        return {line for line in lines if line}


def tolerate(nb, path, names):
    """Lets the cells of `nb` listed in `names` raise on glasspy without ending the run (a
    listed cell is a known bug of glasspy; its test still reports it). Returns the cells
    whose tags it changed, for `untolerate`."""
    changed = []
    for cell in nb.cells:
        if cell.cell_type == "code" and test_name(path, cell) in names and not expects_error(cell):
            cell.metadata.setdefault("tags", []).append("raises-exception")
            changed.append(cell)
    return changed


def untolerate(changed):
    for cell in changed:
        cell.metadata.tags.remove("raises-exception")
        if not cell.metadata.tags:
            del cell.metadata["tags"]


def magic_of(source):
    """The magic a cell starts with ('dis' for '%dis f', 'trace' for '%%trace'), or None."""
    for line in source.splitlines():
        if line.strip() == "" or line.lstrip().startswith("#"):
            continue
        m = re.match(r"\s*%%?(\w+)", line)
        return m.group(1) if m else None
    return None


def glass_views_of(source):
    """The glasspy views a cell uses, as (magic, arguments) in the order they appear: its
    cell magic, and the line magics that start its lines."""
    lines = [l for l in source.splitlines() if l.strip() and not l.lstrip().startswith("#")]
    cell_magic = re.match(r"\s*%%(\w+)\s*(.*)", lines[0]) if lines else None
    if cell_magic:
        name = cell_magic.group(1)
        return [(name, cell_magic.group(2).strip())] if name in GLASS_MAGICS else []
    views = []
    for line in lines:
        m = re.match(r"\s*%(\w+)(.*)", line)
        if m and (m.group(1) in GLASS_MAGICS or is_glass_dis(m.group(1), m.group(2))):
            views.append((m.group(1), m.group(2).strip()))
    return views


def is_glass_dis(magic, args):
    """`%dis --html`, the listing drawn with its jumps and tables, is glasspy's own view;
    `%dis` otherwise prints what CPython's dis prints."""
    return magic == "dis" and "--html" in args.split()


def stats_switch(source):
    """True after `%stats on`, False after `%stats off`, None when the cell says neither."""
    state = None
    for magic, args in glass_views_of(source):
        if magic == "stats" and args in ("on", "off"):
            state = args == "on"
    return state


def kind_of(cell):
    if glass_views_of(cell.source):
        return "glass"
    magic = magic_of(cell.source)
    if magic in TIMED_MAGICS:
        return "timed"
    return "compared"


def cleared(nb):
    """A copy of the notebook with no outputs, as a fresh run starts."""
    nb = copy.deepcopy(nb)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    return nb


def expects_error(cell):
    return "raises-exception" in cell.get("metadata", {}).get("tags", [])


async def execute(nb, kernel, cwd, stop_on_error=True, timeout=120):
    """Runs every cell of `nb` in place on `kernel`. With stop_on_error, the first cell that
    raises (and is not tagged raises-exception) ends the run: returns (its index, the
    error); otherwise returns None. The kernel starts in `cwd`, as Jupyter starts it in the
    notebook's folder."""
    client = NotebookClient(
        nb,
        kernel_name=kernel,
        timeout=timeout,
        startup_timeout=120,
        allow_errors=not stop_on_error,
        record_timing=False,
        resources={"metadata": {"path": cwd}},
    )
    try:
        await client.async_execute()
        return None
    except CellExecutionError as e:
        failed = next(
            (i for i, c in enumerate(nb.cells)
             if c.cell_type == "code" and not expects_error(c)
             and any(o.output_type == "error" for o in c.outputs)),
            None,
        )
        return (failed, e)


def installed_spec(kernel):
    """The kernelspec `kernel` resolves to; it must be the one installed into JUPYTER_PATH
    for this run (a glasspy installed elsewhere for the user would run other code)."""
    from jupyter_client.kernelspec import KernelSpecManager

    spec = KernelSpecManager().get_kernel_spec(kernel)
    wanted = os.environ.get("JUPYTER_PATH", "").split(os.pathsep)[0]
    if not wanted or not spec.resource_dir.startswith(wanted):
        raise RuntimeError(f"kernelspec {kernel} is {spec.resource_dir}, not the one in {wanted}")
    return spec


def read(path):
    return nbformat.read(path, as_version=4)


def run_all(jobs, limit=3):
    """Runs (nb, kernel, cwd, stop_on_error) jobs, at most `limit` at a time; returns their results."""
    async def main():
        gate = asyncio.Semaphore(limit)

        async def one(job):
            async with gate:
                return await execute(*job)

        return await asyncio.gather(*(one(j) for j in jobs))

    return asyncio.run(main())
