"""pytest set-up shared by the tests and the docstring examples in src/newskit: never the network."""

import os

os.environ["NEWSKIT_NO_DOWNLOAD"] = "1"
