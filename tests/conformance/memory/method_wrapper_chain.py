# Method-wrappers bound to method-wrappers: freed through the trashcan as descrobject.c's
# wrapper_dealloc does, so a long chain neither overflows nor frees in another order.
import gc

order = []


class D:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        order.append(self.n)


m = None
for i in range(60):
    m = (D(i), m).__len__
del m
print(order)

m = (lambda: 0)
for i in range(30000):
    m = m.__call__
del m
print("ok")
print(gc.collect())
