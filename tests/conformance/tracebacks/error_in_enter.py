class Resource:
    def __enter__(self):
        raise OSError("cannot open resource")
    def __exit__(self, *exc):
        return False
with Resource() as r:
    print("never")
