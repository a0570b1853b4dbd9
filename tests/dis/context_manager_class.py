class Timer:
    def __enter__(self):
        self.start = 0
        return self

    def __exit__(self, exc_type, exc, tb):
        self.elapsed = 1
        return False

with Timer() as t:
    pass
print(t.elapsed)
