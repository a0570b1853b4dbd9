class ConfigError(Exception):
    pass
def check(level):
    if level > 3:
        raise ConfigError("level too high: " + str(level), level)
check(5)
