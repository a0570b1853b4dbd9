from collections import ChainMap
defaults = {"color": "red", "size": "M"}
overrides = {"size": "L"}
cm = ChainMap(overrides, defaults)
print(cm["color"], cm["size"], len(cm), sorted(cm))
cm["new"] = 1
print(overrides)
