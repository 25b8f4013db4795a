"""The loop shared by the step-wise optimisers (projection, drag): iterate over steps, or run
until finished or told to stop, then give the result."""
from __future__ import annotations

from typing import Callable


class Stepped:
    """A mixin for classes with ``finished``, ``step()``, ``stop()`` and ``result()``."""

    def __iter__(self):
        while not self.finished:
            yield self.step()

    def run(self, should_stop: Callable[[], bool] | None = None):
        """Step until finished, ``should_stop()`` is true or stop() was called; the result."""
        while not self.finished:
            if should_stop is not None and should_stop():
                self.stop()
                break
            self.step()
        return self.result()
