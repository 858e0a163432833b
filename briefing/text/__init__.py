"""Arabic text without spaCy: folding for matching, number grammar, transliteration of names."""
