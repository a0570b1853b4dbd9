"""The module docstring."""

x = 1
