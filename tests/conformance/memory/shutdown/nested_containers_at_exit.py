# The finalization order at exit follows the full collection that runs first: objects
# reached only through containers move behind those the module's globals reach directly,
# one level of nesting at a time.
class D:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del", self.n)


first = D(1)
nested = [[D(2)], D(3)]
pair = {"k": D(4)}
last = D(5)
deep = ((D(6),),)
print("script ends")
