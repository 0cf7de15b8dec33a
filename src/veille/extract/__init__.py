"""Pure extractors: ``find_*(doc, ctx) -> Iterator[Record]`` over a spaCy Doc."""
