total = 0
running = [total := total + v for v in [1, 2, 3, 4]]
print(running, total)
