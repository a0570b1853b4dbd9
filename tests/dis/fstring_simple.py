name = "x"
value = 3.14159
s1 = f"hello {name}"
s2 = f"{name}{value}"
s3 = f"value: {value:.2f}"
