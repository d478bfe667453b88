"""The domain: values, models, the corpus, conflicts and errors. Plain data and pure
functions; imports nothing else of factcheck."""
