"""Small made-up articles shared by the tests (the corpus fixture in conftest.py writes them to files)."""

SMALL = (
    "Bridge reopens after repairs\n\n"
    "The old bridge over the river reopened on Friday after six months of repairs.\n\n"
    "\"It feels good to walk across again,\" said Ada Lovell, a local teacher.\n\n"
    "The council said the work cost less than planned.\n"
)
OTHER = (
    "Library extends hours\n\n"
    "The town library will stay open until nine on weekdays, officials said on Tuesday.\n\n"
    "\"Students asked for it,\" said Tom Reyes, the head librarian.\n"
)
