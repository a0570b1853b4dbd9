async def f(src):
    a = [await x for x in src]
    b = {x async for x in src}
    return a, b
