def table(n):
    rows = []
    for i in range(n):
        row = []
        for j in range(n):
            if i == j:
                continue
            row.append(i * j)
        rows.append(row)
    return rows
