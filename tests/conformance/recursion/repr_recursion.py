class Node:
    def __init__(self):
        self.child = self
    def __repr__(self):
        return "Node(" + repr(self.child) + ")"
try:
    repr(Node())
except RecursionError as e:
    print("RecursionError", e)
