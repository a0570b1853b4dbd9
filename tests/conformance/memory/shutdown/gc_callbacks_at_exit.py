# Py_FinalizeEx runs a full collection before clearing the modules: gc.callbacks see it.
import gc


def report(phase, info):
    print(phase, info["generation"], info["collected"], info["uncollectable"])


class Node:
    pass


gc.collect()
gc.callbacks.append(report)
n = Node()
n.self = n
del n
print("script ends")
