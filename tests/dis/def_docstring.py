def f():
    """Docstring of f."""
    return 1

def g():
    """Only a docstring."""

def h():
    "not first"
    "second string"
    return 2
