class Counter:
    instances = 0
    def __init__(self):
        Counter.instances += 1
        self.id = Counter.instances
a = Counter()
b = Counter()
print(a.id, b.id, Counter.instances, a.instances)
print("instances" in Counter.__dict__, "id" in a.__dict__)
