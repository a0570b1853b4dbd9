words = ["a", "bb", "ccc"]
lengths = {len(w) for w in words}
index = {w: i for i, w in enumerate(words)}
inverted = {v: k for k, v in index.items() if v}
