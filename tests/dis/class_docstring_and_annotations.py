class C:
    """Class docstring."""
    x: int = 1
    y: str

    def m(self) -> int:
        return self.x
