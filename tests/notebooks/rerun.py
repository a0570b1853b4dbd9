"""`deno task lessons`: runs lesson notebooks top to bottom on glasspy (GLASSPY_KERNEL_NAME)
with nbclient and writes each back in place with glasspy's outputs. A lesson in which a
cell raises (one not tagged raises-exception, and not a known difference) is left as it was, and the exit status is 1.

    python3 rerun.py NOTEBOOK.ipynb [...]
"""
import os
import sys

import nbformat

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lessons  # noqa: E402

KERNEL = os.environ["GLASSPY_KERNEL_NAME"]


def main(paths):
    lessons.installed_spec(KERNEL)
    runs = [lessons.cleared(lessons.read(p)) for p in paths]
    known = lessons.known_differences()
    tolerated = [lessons.tolerate(nb, p, known) for nb, p in zip(runs, paths)]
    jobs = [(nb, KERNEL, os.path.dirname(os.path.abspath(p)), True) for nb, p in zip(runs, paths)]
    results = lessons.run_all(jobs)
    status = 0
    for path, nb, failure, changed in zip(paths, runs, results, tolerated):
        if failure is not None:
            i, error = failure
            where = f"cell {i + 1}:\n{nb.cells[i].source}" if i is not None else "(no cell)"
            print(f"{path}: stopped at {where}\n{error}\n", file=sys.stderr)
            status = 1
            continue
        lessons.untolerate(changed)
        nbformat.validate(nb)
        with open(path, "w", encoding="utf-8") as f:
            nbformat.write(nb, f)
        print(f"{path}: {sum(c.cell_type == 'code' for c in nb.cells)} code cells run", file=sys.stderr)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
