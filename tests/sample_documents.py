"""Hand-built documents for renderer tests.

:func:`every_block_document` is a realistic pack that uses every block type and every
section kind in :mod:`outreach_kit.document`; it runs to more than 16 A4 pages. The text is
original and written for these tests; example services are marked ``example=True``.
Drama-reserved phone numbers (0131 496 0xxx) stand in for local ones.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from io import BytesIO

from outreach_kit.document import (
    BulletList,
    Callout,
    ContactLine,
    Cover,
    Document,
    DocumentMeta,
    Heading,
    Labels,
    Letter,
    Letterhead,
    PageBreak,
    Paragraph,
    Picture,
    PicturedItem,
    QRLink,
    Section,
    SectionKind,
    ServiceCard,
    Steps,
    Table,
    Tone,
    WalletCard,
    WriteIn,
    content_text,
    user_text,
)

# The words content/wording.yaml gives the builders; renderers print them, never their own.
SAMPLE_LABELS = Labels(
    callouts=((Tone.INFO, "Good to know"), (Tone.TIP, "Tip"), (Tone.WARNING, "Take care"),
              (Tone.SAFETY, "Staying safer")),
    example_service="Example data: replace with your area's services before printing.",
)

REVIEWED = dt.date(2026, 3, 1)
NEXT_REVIEW = dt.date(2029, 3, 1)
CHECKED = dt.date(2026, 10, 14)

HELP_CONTACTS = (
    ContactLine("Emergency: police, ambulance, fire", "999",
                "If someone has stopped breathing or will not wake up, call now."),
    ContactLine("NHS 24", "111", "Free, day or night, when you feel unwell and it cannot wait."),
    ContactLine("Samaritans", "116 123", "Free, any time, to talk about anything."),
    ContactLine("Breathing Space", "0800 83 85 87",
                "Weekday evenings, and all weekend, for when you feel low."),
    ContactLine("Scottish Families Affected by Alcohol and Drugs", "08080 10 10 11",
                "For families and friends too."),
)


@lru_cache(maxsize=1)
def sample_logo_png() -> bytes:
    """A small coloured PNG standing in for an organisation's logo."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (240, 120), (11, 79, 108))
    draw = ImageDraw.Draw(image)
    draw.ellipse((20, 20, 100, 100), fill=(253, 200, 60))
    draw.rectangle((120, 40, 220, 80), fill=(232, 244, 234))
    out = BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def _p(text: str, style: str = "body") -> Paragraph:
    return Paragraph(content_text(text), style)


def _items(*texts: str) -> tuple:
    return tuple(content_text(text) for text in texts)


def _module(section_id: str, title: str, blocks: tuple, **extra) -> Section:
    return Section(section_id, title, SectionKind.MODULE, blocks,
                   last_reviewed=REVIEWED, next_review=NEXT_REVIEW, **extra)


def _how_to_use() -> Section:
    return Section("how-to-use", "How to use this pack", SectionKind.HOW_TO_USE, (
        _p("This pack is yours. **You choose what to read**, and when."),
        _p("You can skip any page. You can come back to a page later, or never. "
           "Nothing here is a test, and there are no right answers."),
        BulletList(_items(
            "Read a page, or just part of one, when you have a quiet moment.",
            "Write on the worksheet pages if you want to. You can keep them to yourself.",
            "Bring the pack to your keyworker if you want to talk about any of it.",
            "The numbers on the *help right now* page work day and night.",
        )),
        Callout(_items("Some pages talk about hard things. They have a short note at the top, "
                       "so you can decide if now is a good time."),
                content_text("Before you start"), Tone.INFO),
    ), intro=content_text("A few words about how this pack works."), time_needed_minutes=2)


def _grounding() -> Section:
    return _module("grounding-minute", "A minute to land", (
        _p("When your head is busy, your body can help you slow down. "
           "Try this now, or save it for later.", "lead"),
        Steps(_items(
            "Put both feet flat on the floor. Notice the floor under you.",
            "Breathe in through your nose while you count to four.",
            "Breathe out slowly while you count to six.",
            "Look around. Name three things you can see.",
            "Name two things you can hear, and one thing you can touch.",
        )),
        _p("If it did not help today, that is fine. It often works better with practice."),
        Callout(_items("You can do this on a bus, in a queue or in bed. "
                       "Nobody needs to know you are doing it."),
                content_text("Tip"), Tone.TIP),
    ), intro=content_text("Chosen because it can help on a hard day."), time_needed_minutes=3)


def _big_feelings() -> Section:
    paragraphs = (
        "Lots of people use drugs to switch off worry, memories or pressure. "
        "It makes sense: it works fast, and you know what you will get.",
        "The trouble is that the feelings are still there when it wears off. "
        "Having a few other ways to take the edge off gives you more choice.",
        "None of these will fix everything. Try one, see how it feels, and keep what helps.",
    )
    return _module("when-feelings-get-big", "When feelings get too big", (
        *(_p(text) for text in paragraphs),
        Heading(content_text("Ways to take the edge off"), 2),
        BulletList(_items(
            "Cold water on your face or wrists for thirty seconds.",
            "Walk round the block and count your steps.",
            "Put on one song you know every word of, and sing along in your head.",
            "Squeeze something hard, like a ball or a rolled-up sock, then let go.",
            "Text someone a single word. You do not need to explain.",
            "Write down the feeling in one word, then rate it from one to ten.",
        )),
        Heading(content_text("Noticing what sets it off"), 3),
        _p("Feelings often build up before they get too big. Spotting the early signs gives "
           "you a little more time to choose what to do."),
        WriteIn(content_text("Which of these have helped you before?"), lines=0, choices=_items(
            "Moving my body", "Talking to someone", "Music", "Being somewhere quiet",
            "Something else",
        )),
        WriteIn(content_text("What is one early sign that a feeling is getting big?"), lines=4),
        _p("Read more about feelings and coping at "
           "[NHS inform](https://www.nhsinform.scot/mind-to-mind).", "small"),
    ), intro=content_text("Chosen because you said you use to **block things out**."),
        time_needed_minutes=10)


def _hard_things() -> Section:
    return _module("hard-things", "Things that have happened to you", (
        _p("Many people who use drugs have lived through hard things, often when they were "
           "young. Some say *it wasn't that bad*, even when it was."),
        _p("What happened to you was not your fault. Using can be a way of coping with pain "
           "that nobody helped you with at the time."),
        _p("You do not have to talk about any of it. If one day you want to, your keyworker "
           "can help you find someone you feel safe with."),
        Callout(_items("If reading this brings up strong feelings, stop and try the "
                       "grounding page. You can come back another day, or not at all."),
                tone=Tone.WARNING),
        WriteIn(content_text("Something kind I could say to a friend who went through this:"),
                lines=5),
    ), intro=content_text("Chosen because you mentioned hard times growing up."),
        time_needed_minutes=8, content_warning="This page talks about abuse and loss in "
                                               "childhood.")


def easy_read_picture(icon: str, alt: str) -> Picture:
    from outreach_kit.content.easy_read import icon_path

    return Picture(icon.split("/")[1], alt, str(icon_path(icon)))


def _easy_read() -> Section:
    return _module("easy-read-sample", "Phone for help", (
        PicturedItem(content_text("Phone 999 if someone will not wake up."),
                     easy_read_picture("solid/truck-medical", "Ambulance"), "999"),
        PicturedItem(content_text("You can talk to your worker."),
                     easy_read_picture("solid/comments", "People talking")),
        PicturedItem(content_text("A picture could not be found for this one."), None),
    ))


def _worksheet() -> Section:
    prompts = (
        ("What helps me get through a hard day?", 7),
        ("Who or what makes me feel a bit more like myself?", 7),
        ("One small thing I could try this week:", 6),
        ("What would I like people to know about me?", 8),
    )
    return _module("my-week", "My week, my way", (
        _p("This is a page to write on. Write as much or as little as you like."),
        *(WriteIn(content_text(prompt), lines=lines) for prompt, lines in prompts),
        WriteIn(content_text("How are you feeling right now?"), lines=2, choices=_items(
            "Calm", "Tired", "Worried", "Angry", "Okay", "Not sure")),
    ), intro=content_text("A worksheet, if you want one."), time_needed_minutes=15)


def _connection() -> Section:
    return _module("people-and-places", "People and places", (
        _p("When you use, it is easy for your world to get smaller. Old friends drift off, "
           "and it can feel like everyone judges you."),
        _p("Connection does not have to mean big changes. It can start with one place where "
           "people are glad to see you."),
        Heading(content_text("Places some people find welcoming"), 2),
        BulletList(_items(
            "A library: warm, free, and nobody asks why you are there.",
            "A community meal or a food share.",
            "A walking group or a football session for anyone.",
            "A peer support group run by people with lived experience of drug use.",
        )),
        QRLink("https://www.sdf.org.uk", "Scottish Drugs Forum: find support near you"),
        WriteIn(content_text("One person or place I feel a bit better around:"), lines=3),
    ), intro=content_text("Chosen because you said you feel cut off from people."),
        time_needed_minutes=6)


def _hope() -> Section:
    return _module("small-moments", "Small moments that went differently", (
        _p("It can feel like nothing ever changes. But most people can remember a time, even "
           "a short one, when things went a bit differently."),
        _p("Maybe you waited an hour before using. Maybe you ate a meal, phoned someone, or "
           "walked away from a fight. Those moments count."),
        PageBreak(),
        Heading(content_text("Looking back"), 2),
        WriteIn(content_text("A time when things went a little differently:"), lines=6),
        WriteIn(content_text("What helped, even a little?"), lines=6),
        _p("You know more about getting through hard times than anyone else does.", "lead"),
    ), intro=content_text("Chosen because you said it feels too late to change."),
        time_needed_minutes=7)


def _staying_safer() -> Section:
    return _module("staying-safer", "Staying safer", (
        _p("If you use, these steps can lower the risk of overdose. They are not a lecture, "
           "and you know your own situation best."),
        Steps(_items(
            "Try not to use alone. If you do, tell someone to check on you.",
            "Start with a small amount, especially after a break: your body's tolerance drops.",
            "Mixing drugs, or drugs with alcohol, raises the risk a lot.",
            "Carry naloxone and tell people where it is.",
        )),
        Callout(_items(
            "Take-home naloxone is free in Scotland from drug services and pharmacies.",
            "Anyone can give it if they think someone is having an opioid overdose. "
            "Call 999 as well.",
        ), content_text("Naloxone"), Tone.SAFETY),
        _p("Ask at any pharmacy with a green *naloxone available* sign, or ask your keyworker."),
    ), intro=content_text("Part of every pack."), time_needed_minutes=4)


def _services() -> Section:
    cards = (
        ServiceCard(
            name="Harbour Drop-in",
            description=content_text("A warm space with tea, showers and someone to talk to. "
                                     "No appointment needed."),
            hours="Monday to Friday, 10am to 4pm", cost="Free", for_whom="Anyone over 16",
            phone="0131 496 0123", phone_note="answered during opening hours",
            text="07700 900123", web="https://example.org/harbour-drop-in",
            address="12 Example Street, Edinburgh", last_checked=CHECKED, example=True,
        ),
        ServiceCard(
            name="Northside Recovery Cafe",
            description=content_text("Peer-run cafe. Come for a cuppa, stay if you like."),
            hours="Saturdays, 11am to 3pm", cost="Free", for_whom="Anyone",
            web="https://example.org/northside-cafe", email="hello@example.org",
            address="Community Hall, 4 Sample Road", last_checked=CHECKED, example=True,
        ),
        ServiceCard(
            name="Samaritans",
            description=content_text("Talk to someone about anything, any time."),
            hours="24 hours, every day", cost="Free", for_whom="Anyone",
            phone="116 123", web="https://www.samaritans.org", email="jo@samaritans.org",
            last_checked=CHECKED,
        ),
        ServiceCard(
            name="Breathing Space",
            description=content_text("A free, confidential phone line for anyone in Scotland "
                                     "feeling low, stressed or anxious."),
            hours="Weekday evenings, and all weekend", cost="Free",
            phone="0800 83 85 87", web="https://breathingspace.scot", last_checked=CHECKED,
        ),
        ServiceCard(
            name="Scottish Families Affected by Alcohol and Drugs",
            description=content_text("Support for families and friends of people who use "
                                     "drugs."),
            cost="Free", phone="08080 10 10 11", web="https://www.sfad.org.uk",
            last_checked=CHECKED,
        ),
    )
    return Section("services", "Services near you", SectionKind.SERVICES, (
        _p("These services are used to working with people who use drugs. You can just turn "
           "up to some of them."),
        *cards,
    ), intro=content_text("Chosen for your area."))


def _help_now() -> Section:
    return Section("help-right-now", "Help right now", SectionKind.HELP_NOW, (
        _p("If you or someone near you is in danger, call 999.", "lead"),
        *HELP_CONTACTS,
        Callout(_items("If someone will not wake up: call 999, give naloxone if you have it, "
                       "and put them on their side."), content_text("Overdose"), Tone.SAFETY),
    ), intro=content_text("Numbers you can call any time."))


def _wallet(steps: tuple[str, ...]) -> Section:
    return Section("wallet-card", "Your wallet card", SectionKind.WALLET_CARD, (
        _p("Keep this card in your wallet or phone case."),
        WalletCard("Help right now", HELP_CONTACTS[:4], steps),
    ))


def _letter(name: str) -> Section:
    greeting = f"Dear {name}," if name else "Hello,"
    return Section("letter", "A letter from your keyworker", SectionKind.LETTER, (
        Letter(
            letterhead=Letterhead("Harbour Drop-in", ("12 Example Street", "Edinburgh"),
                                  sample_logo_png(), "image/png"),
            date_text="26 November 2026",
            greeting=user_text(greeting),
            paragraphs=(
                content_text("Thank you for the chats we have had at the drop-in. "
                             "I wanted to write some of it down so you have it to keep."),
                content_text("You told me the drugs have been doing a job for you: getting "
                             "you through the nights. That makes sense to me."),
                content_text("I noticed the week you came in every day for tea. "
                             "What helped you do that?"),
                content_text("There is no rush. The door is open whenever you want it."),
            ),
            sign_off=content_text("Take care,"),
            signer_name="Alex",
            signer_role="Keyworker, Harbour Drop-in",
        ),
    ))


def _notes() -> Section:
    return Section("worker-notes", "For the keyworker", SectionKind.NOTES, (
        _p("Go through the pack together only if the person wants to."),
        BulletList(_items("Check the services are still running before printing.",
                          "Offer the wallet card even if nothing else is read.")),
        Table(("Page", "Gone through", "Date"), (("Help right now", "Yes", ""),)),
    ), in_contents=False)


def every_block_document(name: str = "Sam") -> Document:
    """A pack-like document using every block type and section kind (16+ A4 pages)."""
    contents = Section("contents", "What is in this pack", SectionKind.CONTENTS,
                       (_p("You can read these in any order."),))
    steps = ("Breathe in for four, out for six.", "Go somewhere I feel safe.",
             "Text Alex at the drop-in.")
    sections = (
        _how_to_use(), contents, _grounding(), _big_feelings(), _hard_things(), _worksheet(),
        _easy_read(),
        _connection(), _hope(), _staying_safer(), _services(), _help_now(), _wallet(steps),
        _letter(name), _notes(),
    )
    return Document(
        kind="pack",
        meta=DocumentMeta(
            title=f"A pack for {name}" if name else "Your pack",
            author="Alex, Harbour Drop-in",
            subject="Self-help pack: feelings, connection, hope and staying safer",
            content_version="2026.11",
            last_reviewed=REVIEWED,
            next_review=NEXT_REVIEW,
            keywords=("self-help", "harm reduction", "Outreach Kit"),
        ),
        sections=sections,
        cover=Cover(
            title=f"For {name}" if name else "Your pack",
            subtitle="Some pages you might find useful",
            service="Harbour Drop-in",
            keyworker="Alex",
            contact="0131 496 0123",
            date_text="26 November 2026",
        ),
        notices=("Example data: some services in this pack are examples. Replace them with "
                 "your area's services before printing.",),
        labels=SAMPLE_LABELS,
    )
