"""Shared fixtures and the hypothesis profiles.

``ci`` (the default) is fast and deterministic: derandomized, no example database, so every run of
the suite tries the same inputs. ``thorough`` (``HYPOTHESIS_PROFILE=thorough``) tries many more.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, Phase, Verbosity, settings

settings.register_profile(
    "ci",
    max_examples=25,
    derandomize=True,
    database=None,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "thorough",
    max_examples=500,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile("debug", parent=settings.get_profile("ci"), verbosity=Verbosity.verbose,
                          phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.shrink])  # fmt: skip
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
