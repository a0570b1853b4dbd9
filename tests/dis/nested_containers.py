data = {"list": [1, 2, {"inner": (3, 4)}], "set": {5, 6}}
matrix = [[1, 2], [3, 4]]
