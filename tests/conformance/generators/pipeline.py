def read(lines):
    for line in lines:
        yield line
def strip(src):
    for s in src:
        yield s.strip()
def nonempty(src):
    for s in src:
        if s:
            yield s
data = ["  a ", "", " b", "   ", "c  "]
print(list(nonempty(strip(read(data)))))
