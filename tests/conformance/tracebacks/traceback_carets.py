# The traceback module's carets, which differ from the interpreter's own report: the source
# line is stripped at both ends, the margin is measured against the line as read (so
# trailing blanks move the carets left), and wide characters count two columns only where
# the module's arithmetic measures them.
import traceback


def last_lines(f):
    try:
        f()
    except Exception:
        lines = traceback.format_exc().splitlines()
        print(repr(lines[-3]), repr(lines[-2]))


table = {}
标识 = {}
last_lines(lambda: table["a"])
last_lines(lambda: table["a"])   
last_lines(lambda: table["ａ"])
last_lines(lambda: table["ａ"])   
last_lines(lambda: table["a"])  # ｘｘ
last_lines(lambda: 标识["a"])  # ｘｘ
last_lines(lambda: 标识 + None)
last_lines(lambda: 标识  ** None)
last_lines(lambda: (标识) ** None)
last_lines(lambda: (1) ** None)
last_lines(lambda: (1)  //  None)
last_lines(lambda: 标识["键键"])
last_lines(lambda: [标识][ 3 ])
last_lines(lambda: 标识.get(1) + None)
last_lines(lambda: table[1 + (2 +
                              3)])
last_lines(lambda: len(table) + None)
last_lines(lambda: table[len(table) :])
