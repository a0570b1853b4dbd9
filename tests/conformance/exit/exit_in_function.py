import sys
def stop(code):
    print("stopping", code)
    sys.exit(code)
def main():
    stop(5)
    print("unreachable")
main()
