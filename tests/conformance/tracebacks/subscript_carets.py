data = {"items": [[1, 2], [3]]}
value = data["items"][1][1]
