import keyword
print(keyword.iskeyword("for"), keyword.iskeyword("print"), keyword.iskeyword("match"), keyword.issoftkeyword("match"))
print(len(keyword.kwlist), keyword.kwlist[:5])
print(keyword.softkwlist)
