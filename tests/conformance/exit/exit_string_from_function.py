import sys
def main():
    return "error: bad arguments"
sys.exit(main())
