"""The core: the text model and everything every analysis shares.

* :mod:`newskit.core.text` — :class:`~newskit.core.text.Text`: an article's text and its parts
  (headline, paragraphs, sentences, words, tags), each a span into the text.
* :mod:`newskit.core.words` — the one home of word rules: what a word is, clitics, quote marks,
  titles before a person's name.
* :mod:`newskit.core.resources` — NLTK data and NLTK's models, loaded once per process, under a lock.
* :mod:`newskit.core.word_tokenizer`, :mod:`newskit.core.punkt`, :mod:`newskit.core.tagger` — NLTK's word
  tokenizer, sentence splitter and tagger rebuilt from plain data (what they share: :mod:`newskit.core.models`).
* :mod:`newskit.core.cache` — what newskit derives from NLTK's data, kept on disk without pickles.
* :mod:`newskit.core.progress` — the one progress bar.
* :mod:`newskit.core.markup` — a text with highlighted spans, as escaped HTML.
* :mod:`newskit.core.fmt` — formatting: escaping, percentages, numbers, the one table builder.
* :mod:`newskit.core.palette` — the one palette of roles, categories, speakers and layers.

Nothing in the core imports any other part of newskit (only :mod:`newskit.errors`).
"""

__version__ = "0.1.0"
