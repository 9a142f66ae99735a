"""Stigma-term checks (with their context traps), readability, and the library check."""

from __future__ import annotations

import dataclasses
import shutil
import sys
from pathlib import Path

import pytest
from support import edit

from outreach_kit.content import load_library
from outreach_kit.content.schema import TermsFile
from outreach_kit.errors import ContentError
from outreach_kit.language import (
    StigmaFinding,
    check_library,
    find_stigma,
    load_terms,
    readability,
    split_sentences,
    unwrap_lines,
)

ROOT = Path(__file__).resolve().parents[1]
TERMS_PATH = ROOT / "content" / "language" / "terms.yaml"
FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def terms() -> TermsFile:
    return load_terms(TERMS_PATH)


def ids(text: str, terms: TermsFile) -> list[tuple[str, str]]:
    return [(f.term_id, f.matched) for f in find_stigma(text, terms)]


# ----------------------------------------------------------------------- context traps

FINE = [
    "Childhood abuse can leave marks that last.",
    "Sexual abuse and domestic abuse are never your fault.",
    "Use clean equipment every time.",
    "Wash your hands so they are clean.",
    "Keep your equipment clean and dry.",
    "Keep the wound clean for a few days.",
    "You want to clean your skin before you inject.",
    "Get clean water from the tap.",
    "It's clean now.",
    "Read the user guide. Any app user can change the text size.",
    "Ask any service user how the drop-in feels.",
    "Addiction services can help, and so can the addiction psychology team.",
    "You may feel hopeless. That feeling can change.",
    "Alcoholic drinks and non-alcoholic drinks are both on the list.",
    "Alcoholics Anonymous meets on Tuesdays.",
    "Possession is an offence under the Misuse of Drugs Act 1971.",
    "Jake from the drop-in said hello.",
    "People who use drugs deserve respect.",
    "A person who injects drugs can get unused needles at the pharmacy.",
    "Naloxone can reverse an opioid overdose.",
    "A lapse is not the end. You can start again.",
]


@pytest.mark.parametrize("text", FINE)
def test_correct_language_is_not_flagged(text, terms):
    assert find_stigma(text, terms) == []


FLAGGED = [
    ("I've been clean for a month.", "clean-of-a-person", "I've been clean"),
    ("He's an addict.", "addict", "addict"),
    ("Addicts need help.", "addict", "Addicts"),
    ("This leaflet is about drug abuse.", "drug-abuse", "drug abuse"),
    ("Ask about substance misuse.", "drug-abuse", "substance misuse"),
    ("They are drug users.", "drug-user", "drug users"),
    ("He is a drug misuser.", "drug-user", "drug misuser"),
    ("A drug abuser.", "drug-user", "drug abuser"),
    ("A substance abuser.", "drug-user", "substance abuser"),
    ("Injecting drug users.", "drug-user", "Injecting drug users"),
    ("Some junkie left it.", "junkie", "junkie"),
    ("A druggie.", "junkie", "druggie"),
    ("A smackhead.", "junkie", "smackhead"),
    ("He had a relapse.", "relapse", "relapse"),
    ("She relapsed.", "relapse", "relapsed"),
    ("He fell off the wagon.", "relapse", "fell off the wagon"),
    ("I slipped up.", "relapse", "slipped up"),
    ("He is in denial.", "in-denial", "in denial"),
    ("She seems unmotivated.", "unmotivated", "unmotivated"),
    ("He lacks insight.", "lacks-insight", "lacks insight"),
    ("He was non-compliant.", "non-compliant", "non-compliant"),
    ("She is not engaged.", "not-engaged", "not engaged"),
    ("A hard to reach group.", "hard-to-reach", "hard to reach"),
    ("Hard-to-reach clients.", "hard-to-reach", "Hard-to-reach"),
    ("That is drug seeking.", "drug-seeking", "drug seeking"),
    ("Drug-seeking behaviour.", "drug-seeking", "Drug-seeking"),
    ("He can be manipulative.", "manipulative", "manipulative"),
    ("A hopeless case.", "hopeless-case", "hopeless case"),
    ("An IV drug user.", "iv-drug-user", "IV drug user"),
    ("His dad was an alcoholic.", "alcoholic", "alcoholic"),
    ("She is an ex-addict.", "ex-addict", "ex-addict"),
    ("A former addict.", "ex-addict", "former addict"),
    ("A reformed addict.", "ex-addict", "reformed addict"),
    ("His drug habit.", "drug-habit", "drug habit"),
    ("Suffering from addiction.", "suffering-from-addiction", "Suffering from addiction"),
    ("He's clean now.", "clean-of-a-person", "He's clean"),
    ("She stayed clean.", "clean-of-a-person", "stayed clean"),
    ("You can get clean.", "clean-of-a-person", "get clean"),
    ("Clean and sober.", "clean-of-a-person", "Clean and sober"),
    ("Six months clean.", "clean-of-a-person", "Six months clean"),
    ("I'm sober today.", "clean-of-a-person", "I'm sober"),
    ("They were drug-free.", "clean-of-a-person", "They were drug-free"),
    ("A dirty urine.", "dirty-or-clean-test", "dirty urine"),
    ("Her test came back clean.", "dirty-or-clean-test", "test came back clean"),
    ("A clean drug test.", "dirty-or-clean-test", "clean drug test"),
    ("Use clean needles.", "dirty-or-clean-needles", "clean needles"),
    ("Never share dirty works.", "dirty-or-clean-needles", "dirty works"),
    ("Clean rigs are free.", "dirty-or-clean-needles", "Clean rigs"),
    ("Dirty syringes.", "dirty-or-clean-needles", "Dirty syringes"),
    ("He committed suicide.", "committed-suicide", "committed suicide"),
]


@pytest.mark.parametrize(("text", "term_id", "matched"), FLAGGED)
def test_stigmatising_language_is_flagged(text, term_id, matched, terms):
    assert ids(text, terms) == [(term_id, matched)]


def test_curly_apostrophes_count_as_straight_ones(terms):
    assert ids("I\u2019ve been clean for a while.", terms) == [
        ("clean-of-a-person", "I\u2019ve been clean")
    ]


def test_overlapping_terms_report_the_earliest_longest_match_once(terms):
    assert ids("an IV drug user and a former drug user", terms) == [
        ("iv-drug-user", "IV drug user"), ("ex-addict", "former drug user")]


def test_line_and_column_are_one_based(terms):
    text = "First line is fine.\n\n  Then he's an addict, and she's clean."
    findings = find_stigma(text, terms)
    assert [(f.line, f.column, f.matched) for f in findings] == [
        (3, 16, "addict"), (3, 28, "she's clean")]
    assert text.splitlines()[2][15:21] == "addict"


def test_findings_carry_suggestions_and_reasons(terms):
    (finding,) = find_stigma("He's an addict.", terms)
    assert isinstance(finding, StigmaFinding)
    assert finding.prefer == ("person who uses drugs", "person with a drug dependence")
    assert "label" in finding.why.lower()
    with pytest.raises(dataclasses.FrozenInstanceError):
        finding.line = 2  # type: ignore[misc]


def test_every_term_has_alternatives_a_reason_and_a_source(terms):
    assert len(terms.terms) >= 20
    for term in terms.terms:
        assert term.prefer and term.why and term.source, term.id
        # no suggestion is itself flagged
        for alternative in term.prefer:
            assert find_stigma(alternative, terms) == [], (term.id, alternative)


def test_content_guide_table_is_covered(terms):
    """Every 'avoid' entry in the CONTENT_GUIDE table, used in a sentence, is caught."""
    table = [
        "addict", "junkie", "druggie", "smackhead", "drug user", "drug misuser",
        "drug abuser", "substance abuser", "drug abuse", "substance abuse", "misuse",
        "alcoholic", "I am clean", "she is sober", "he is drug-free", "a dirty test",
        "a clean test", "a dirty needle", "clean works", "clean rigs", "ex-addict",
        "former addict", "reformed addict", "drug habit", "suffering from addiction",
        "relapse", "relapser", "fell off the wagon", "slipped up", "in denial",
        "unmotivated", "lacks insight", "non-compliant", "not engaged", "hard to reach",
        "drug seeking", "manipulative", "hopeless case", "IV drug user",
    ]
    missed = [phrase for phrase in table if not find_stigma(f"They said {phrase} here.", terms)]
    assert missed == []


def test_default_terms_are_read_once_per_path(terms, tmp_path):
    assert load_terms(TERMS_PATH) is terms
    copy = tmp_path / "terms.yaml"
    shutil.copy(TERMS_PATH, copy)
    assert load_terms(copy) is not terms
    assert load_terms(str(copy)) is load_terms(copy)


def test_a_broken_terms_file_is_a_content_error(tmp_path):
    bad = tmp_path / "terms.yaml"
    bad.write_text("schema_version: 1\nterms:\n  - id: bad\n    patterns: ['(unclosed']\n"
                   "    prefer: [x]\n    why: y\n    source: z\n")
    with pytest.raises(ContentError) as caught:
        load_terms(bad)
    (problem,) = caught.value.problems
    assert (problem.line, problem.field) == (4, "terms[0].patterns")
    assert "not a valid pattern" in problem.message


def test_find_stigma_uses_the_terms_given(tmp_path):
    small = load_terms(FIXTURES / "minimal" / "language" / "terms.yaml")
    assert ids("junkie and addicts", small) == [("addict", "addicts")]


# ----------------------------------------------------------------------- readability

EASY = ("The cat sat on the mat. It was a warm day. The dog came in. "
        "He lay down by the cat. They both went to sleep.")
HARD = ("Notwithstanding considerable organisational complexity, comprehensive "
        "interdisciplinary evaluation necessitates systematic documentation of "
        "individualised therapeutic interventions, particularly regarding "
        "pharmacological considerations and institutional accountability frameworks.")


def test_easy_text_scores_high_and_hard_text_low():
    easy, hard = readability(EASY), readability(HARD)
    assert easy.reading_ease > 90 and easy.grade < 3
    assert hard.reading_ease < 0 and hard.grade > 20
    assert (easy.words, easy.sentences, easy.longest_sentence_words) == (26, 5, 6)
    assert easy.average_sentence_words == 5.2
    assert (hard.sentences, hard.words) == (1, 22)


def test_scores_follow_the_flesch_formulas():
    score = readability(EASY)
    # 26 words in 5 sentences, and every word has one syllable.
    assert score.reading_ease == round(206.835 - 1.015 * 26 / 5 - 84.6 * 1.0, 1)
    assert score.grade == round(0.39 * 26 / 5 + 11.8 * 1.0 - 15.59, 1)


def test_each_list_item_counts_as_a_sentence():
    text = "Things to try\n- Call a friend\n- Have a cup of tea\n1. Go for a walk"
    assert split_sentences(text) == ["Things to try", "Call a friend", "Have a cup of tea",
                                     "Go for a walk"]
    score = readability(text)
    assert (score.sentences, score.words, score.longest_sentence_words) == (4, 15, 5)


def test_sentences_split_at_full_stops_question_and_exclamation_marks():
    assert split_sentences('Stop. Breathe! Is it "better?" Yes.') == [
        "Stop.", "Breathe!", 'Is it "better?"', "Yes."]


def test_wrapped_plain_text_is_unwrapped_into_paragraphs():
    text = "Some days are hard\nand long.\n\nYou can rest.\n- one\n- two\n  still two"
    assert unwrap_lines(text) == (
        "Some days are hard and long.\nYou can rest.\n- one\n- two still two")


def test_empty_text_scores_zero():
    assert readability("  \n- \n") == readability("")
    assert readability("").words == 0


KEPT = ("get_cmudict", "get_pyphen", "get_lang_cfg", "get_lang_root", "get_lang_easy_words")


def test_scored_text_does_not_linger_in_textstat_caches():
    readability("Morag Fictional-Surname wrote this private sentence.")
    holding = []
    for name, module in list(sys.modules.items()):
        if name.startswith("textstat.backend") and module is not None:
            for attr, value in vars(module).items():
                info = getattr(value, "cache_info", None)
                if info and attr not in KEPT and info().currsize:
                    holding.append(f"{name}.{attr}")
    assert holding == []


# ----------------------------------------------------------------------- library check


def test_clean_library_has_no_language_warnings(content):
    assert check_library(load_library(content)) == []


def test_stigma_in_client_text_is_a_warning_at_the_field(content):
    edit(content / "modules" / "take-a-break.yaml", '"Breathe out slowly."',
         '"Breathe out slowly, like addicts in recovery do."')
    edit(content / "resources" / "test-area.yaml", "with tea and a chat.",
         "with tea and a chat, and help with drug abuse.")
    warnings = check_library(load_library(content))
    assert [(w.path.removeprefix(str(content) + "/"), w.line, w.field, w.severity)
            for w in warnings] == [
        ("modules/take-a-break.yaml", 20, "body[2].steps[1]", "warning"),
        ("resources/test-area.yaml", 9, "services[0].description", "warning"),
    ]
    assert warnings[0].message.startswith(
        '"addicts" (addict): try "person who uses drugs" or "person with a drug dependence".')
    assert '"drug abuse" (drug-abuse): try "drug use"' in warnings[1].message


def test_worker_modules_are_not_checked(content):
    edit(content / "modules" / "take-a-break.yaml", "audience: client", "audience: worker")
    edit(content / "modules" / "take-a-break.yaml", "That is hard.",
         "That is hard for addicts. " + HARD)
    assert check_library(load_library(content)) == []


def test_hard_reading_in_a_client_module_is_a_warning(content):
    edit(content / "modules" / "take-a-break.yaml",
         "Some days your head will not stop. That is hard. You can try one small thing.", HARD)
    edit(content / "modules" / "take-a-break.yaml", '"Sit down for a minute."', f'"{HARD}"')
    (warning,) = check_library(load_library(content))
    assert (warning.line, warning.field, warning.severity) == (3, "", "warning")
    assert warning.message.startswith("reading ease is ")
    assert "(aim for 60 or more)" in warning.message


def test_long_sentences_are_a_warning_even_when_words_are_short(content):
    long_sentence = " ".join(["we can sit and talk for a bit"] * 4) + "."
    module = content / "modules" / "take-a-break.yaml"
    text = module.read_text().split("body:")[0]
    module.write_text(text + f'body:\n  - paragraph: "{long_sentence}"\n')
    edit(module, 'title: "Taking a break"', 'title: "Taking a break and having a long talk '
                 'with someone you like about the day"')
    edit(module, 'summary: "One small way to give your mind a rest."',
         f'summary: "{long_sentence}"')
    (warning,) = check_library(load_library(content))
    assert "sentences average" in warning.message and "(aim for under 20)" in warning.message


def test_no_word_from_scored_text_is_kept_anywhere_after_scoring():
    """pyphen and textstat cache per word; after readability() nothing reachable holds it."""
    import gc

    # made up (and built here, so no code constant holds it whole)
    word = "zqxw" + "vortlemnipastic".lower()
    readability(f"Blemwick said {word} twice. The {word} was long.")
    gc.collect()
    holders = []
    for obj in gc.get_objects():
        if isinstance(obj, dict):
            if any(isinstance(k, str) and word in k for k in list(obj)):
                holders.append(type(obj).__name__)
        elif isinstance(obj, list | tuple | set | frozenset) and any(
                isinstance(v, str) and word in v for v in list(obj)):
            holders.append(type(obj).__name__)
    assert holders == []


def test_item_readability_scores_client_text_and_skips_worker_notes(library):
    from outreach_kit.content.schema import Audience
    from outreach_kit.language import item_readability

    client = next(m for m in library.modules.values() if m.audience == Audience.CLIENT)
    score = item_readability(client)
    assert score is not None and score.words > 50 and 0 < score.reading_ease <= 121
    assert item_readability(client.model_copy(update={"audience": Audience.WORKER})) is None


def test_the_fixed_wording_is_checked_like_a_module(content):
    wording = content / "wording.yaml"
    edit(wording, '"You can skip any page."', '"You can skip any page, like addicts do."')
    (stigma,) = check_library(load_library(content))
    assert (stigma.path, stigma.field) == (str(wording), "how_to_use.points[0]")
    assert stigma.message.startswith('"addicts" (addict)')
    edit(wording, '"You can skip any page, like addicts do."', f'"{HARD}"')
    edit(wording, '"There is no right order and no test."', f'"{HARD}"')
    edit(wording, '"Some pages have space to write.', f'"{HARD} ')
    (hard,) = check_library(load_library(content))
    assert hard.path == str(wording) and hard.message.startswith("reading ease is ")
