"""The shapes of the data between stages: the extraction contract, the brief, the vocabularies."""
