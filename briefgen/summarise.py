# PLACEHOLDER (not to be committed)
METHODS = ("editor", "lexrank", "textrank", "lsa", "luhn", "sumbasic", "edmundson", "lead")
def summarise(text, *, title="", method="editor", sentences=3, max_words=None):
    from briefgen.sentences import split_sentences
    return tuple(s.text for s in split_sentences(text)[:sentences])
