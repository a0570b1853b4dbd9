import string
t = string.Template("$who likes ${what}!")
print(t.substitute(who="Tim", what="kung pao"))
print(t.safe_substitute(who="Tim"))
try:
    t.substitute(who="Tim")
except KeyError as e:
    print("KeyError", e)
f = string.Formatter()
print(f.format("{0}-{1}", "a", "b"))
