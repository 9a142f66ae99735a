"""Translations of modules and fixed words, stored beside the English content.

``content/translations/<language>/<module-id>.yaml`` translates one module and
``content/translations/<language>/wording.yaml`` the fixed words (see ``docs/`` and the
README). :mod:`.fingerprint` ties each file to the English it translates, so a changed
English module marks its translations out of date.
"""
