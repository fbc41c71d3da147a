"""Shared test set-up: hypothesis profiles and the sample corpus."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

# "dev" is quick; "ci" runs more examples.  Choose with HYPOTHESIS_PROFILE=ci.
settings.register_profile(
    "dev", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "ci", max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))
