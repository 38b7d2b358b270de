"""Package discovery: every package under desktop/ plus resources/ mapped as gistquiz.resources.

pyproject.toml cannot combine automatic discovery with a mapped extra package, hence this file.
"""

from setuptools import find_packages, setup

setup(packages=[*find_packages("desktop"), "gistquiz.resources"])
