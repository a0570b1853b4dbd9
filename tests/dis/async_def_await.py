async def fetch(x):
    return x

async def main():
    r = await fetch(1)
    return r
