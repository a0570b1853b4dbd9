try:
    e = ValueError("base")
    e.add_note("first note")
    e.add_note("second note")
    raise e
except ValueError as err:
    print(err.__notes__)
try:
    ValueError().add_note(42)
except TypeError as e:
    print(e)
