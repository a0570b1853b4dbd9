"""An IPython startup file for the ipykernel side of the lesson comparison, so that ipykernel
runs the lessons' cells as written:

- %dis EXPR is dis.dis of the value (show_caches with --caches), and %%dis the
  disassembly of each top-level statement of the cell compiled on its own (glasspy's magics
  say what CPython's dis says); %dis --html shows nothing here;
- glasspy's views (%refs, %stats, %gc, %heap, %%trace, %ast) show nothing here, but do to
  the session what they do in glasspy: %gc collect [GEN] collects, %%trace and %%stats run
  their cell, %%ast runs nothing.

It leaves no name behind in the user's namespace.
"""


def _install_glasspy_magics():
    import ast
    import dis
    import re
    import gc

    from IPython import get_ipython

    ip = get_ipython()

    def dis_line(line):
        # glasspy's options: --caches is dis's show_caches; --html draws the listing, which
        # only glasspy does (the lesson test checks that view's bundle, not its text)
        words = line.split()
        if "--html" in words:
            return
        expression = re.sub(r"(^|\s)--caches(?=\s|$)", " ", line)
        dis.dis(ip.ev(expression), show_caches="--caches" in words)

    def dis_cell(line, cell):
        tree = ast.parse(cell)
        codes = [compile(ast.Module([node], []), "<dis>", "exec") for node in tree.body]
        for n, code in enumerate(codes):
            if n:
                print()
            dis.dis(code)

    def nothing(line, cell=None):
        return None

    def gc_line(line):
        words = line.split()
        if words[:1] == ["collect"]:
            gc.collect(*(int(w) for w in words[1:2]))

    def run_cell_body(line, cell):
        ip.ex(compile(cell, "<cell>", "exec"))

    ip.register_magic_function(dis_line, "line", "dis")
    ip.register_magic_function(dis_cell, "cell", "dis")
    for name in ("refs", "stats", "heap", "ast"):
        ip.register_magic_function(nothing, "line", name)
    ip.register_magic_function(gc_line, "line", "gc")
    ip.register_magic_function(run_cell_body, "cell", "trace")
    ip.register_magic_function(run_cell_body, "cell", "stats")
    ip.register_magic_function(nothing, "cell", "ast")


_install_glasspy_magics()
del _install_glasspy_magics
