import gc
target = ["target"]
holder1 = [target]
holder2 = {"t": target}
refs = gc.get_referrers(target)
print(sum(1 for r in refs if r is holder1), sum(1 for r in refs if r is holder2))
print(any(r is globals() for r in refs))
