import copy
orig = {"list": [1, [2, 3]], "tuple": (4, [5])}
shallow = copy.copy(orig)
deep = copy.deepcopy(orig)
orig["list"][1].append(99)
print(shallow["list"], deep["list"])
print(shallow["list"] is orig["list"], deep["tuple"] is orig["tuple"], deep["tuple"][1] is orig["tuple"][1])
t = (1, 2)
print(copy.copy(t) is t, copy.deepcopy(t) is t)
