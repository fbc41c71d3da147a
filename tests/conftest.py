"""Shared test set-up: hypothesis profiles and the sample corpus."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

# "dev" is quick and "ci" runs more examples (HYPOTHESIS_PROFILE=ci); both draw the same
# examples on every run (derandomize), so that a test run, CI's included, never turns on
# the draw.  "explore" draws new ones each run, with more examples, to look for failures:
#   HYPOTHESIS_PROFILE=explore python -m pytest tests/property
# (what it finds becomes a fix and a named test).
_BASE = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("dev", _BASE, max_examples=60, derandomize=True, database=None)
settings.register_profile("ci", _BASE, max_examples=300, derandomize=True, database=None)
settings.register_profile("explore", _BASE, max_examples=300)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))
