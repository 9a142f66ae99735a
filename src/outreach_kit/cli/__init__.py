"""The ``outreach-kit`` command. Each sub-command lives in its own module."""
