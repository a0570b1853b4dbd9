import gc
gc.collect()
class Temp:
    pass
del Temp
print(gc.collect())
