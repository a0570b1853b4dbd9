command = "quit"
match command.split():
    case ["quit"]:
        done = True
    case ["go", where]:
        done = where
    case _:
        done = None
