try:
    import json
except ImportError:
    json = None
if json is not None:
    dumps = json.dumps
