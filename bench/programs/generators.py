# Generators: pipelines of generator functions and generator expressions, yield from and
# itertools-free chaining.
def naturals(limit):
    n = 0
    while n < limit:
        yield n
        n += 1


def evens(src):
    for n in src:
        if n % 2 == 0:
            yield n


def squares(src):
    for n in src:
        yield n * n


def chunked(src, size):
    chunk = []
    for item in src:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def flatten(chunks):
    for c in chunks:
        yield from c


total = sum(squares(evens(naturals(10000000))))
print(total)
print(sum(1 for _ in flatten(chunked(naturals(4000000), 7))))
print(sum(x % 13 for x in (y * 3 for y in range(6000000))))
