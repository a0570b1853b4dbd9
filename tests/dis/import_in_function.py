def f():
    import json
    from json import dumps as d
    return json, d
