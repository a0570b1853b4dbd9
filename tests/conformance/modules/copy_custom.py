import copy
class Node:
    def __init__(self, v):
        self.v = v
        self.children = []
    def __copy__(self):
        print("__copy__")
        n = Node(self.v)
        n.children = self.children
        return n
n = Node(1)
n.children.append(Node(2))
c = copy.copy(n)
d = copy.deepcopy(n)
print(c.children is n.children, d.children is n.children, d.children[0].v)
cyc = [1]
cyc.append(cyc)
dc = copy.deepcopy(cyc)
print(dc[1] is dc, dc is not cyc)
