async def f(aiter):
    out = []
    async for x in aiter:
        out.append(x)
    else:
        out.append(None)
    return out
