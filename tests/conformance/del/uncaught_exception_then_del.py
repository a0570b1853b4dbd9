class D:
    def __del__(self):
        print("del D")
d = D()
raise RuntimeError("boom")
