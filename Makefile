# The two commands of the README:
#   make lab    install everything (project, JupyterLab, NLTK data) and open the first notebook
#   make test   install everything the tests need and run the whole test suite
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python

.PHONY: lab test install nltk-data browser lint bench clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[lab,test]"
	touch $@

install: $(VENV)/.installed

nltk-data: install
	$(PY) -m newskit setup

# The real-browser test drives Debian's Chromium; install it where we can (root on Debian/Ubuntu).
browser:
	@if [ ! -x /usr/bin/chromium ] && command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ]; then \
		echo "installing chromium for the browser test"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	fi

# (JupyterLab refuses to start as root unless told; containers often run as root)
lab: nltk-data
	$(VENV)/bin/jupyter lab $(if $(filter 0,$(shell id -u)),--allow-root,) notebooks/00-start-here.ipynb

test: nltk-data browser
	$(PY) -m ruff check src tests benchmarks
	$(PY) -m pytest

bench: nltk-data
	$(PY) benchmarks/run.py

clean:
	rm -rf $(VENV) build dist .pytest_cache
