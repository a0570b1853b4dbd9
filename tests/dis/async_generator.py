async def agen(n):
    for i in range(n):
        yield i

async def use():
    return [x async for x in agen(3)]
