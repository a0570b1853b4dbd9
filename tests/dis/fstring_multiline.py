name = "n"
s = f"""
line one {name}
line two {
    name
}
"""
