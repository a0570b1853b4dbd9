class Broken:
    size = 10
    half = size / 0
