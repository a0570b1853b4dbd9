café = 1
naïve = café + 1
def grüße(名前):
    return 名前
