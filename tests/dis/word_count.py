def count(text):
    counts = {}
    for word in text.split():
        word = word.lower().strip(".,!")
        counts[word] = counts.get(word, 0) + 1
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
