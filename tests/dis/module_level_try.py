try:
    import missing_module
except ImportError:
    missing_module = None
finally:
    done = True
