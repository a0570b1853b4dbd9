import sys
try:
    sys.exit(3)
except SystemExit as e:
    print("caught SystemExit", e.code, repr(e))
try:
    raise KeyboardInterrupt
except KeyboardInterrupt:
    print("caught KeyboardInterrupt")
try:
    exit_ = sys.exit
    exit_("message")
except SystemExit as e:
    print(e.code)
