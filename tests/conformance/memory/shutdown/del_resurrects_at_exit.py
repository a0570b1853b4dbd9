# A finalizer that runs at exit may store its object somewhere that lives on; the object
# survives the collection, and its __del__ is not called a second time.
saved = []


class Phoenix:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)
        saved.append(self)


p = Phoenix("p")
q = Phoenix("q")
p.other = q
q.other = p
print("script ends")
