"""An outreach message with a clear ask, written from the ideal-role profile and the contact's context. Pure.

It says what kind of role the person is after (the role's label, the work they love and are best at, the sector),
why this contact (how they met, the contact's role), and asks for one small, concrete thing: twenty minutes, and
anyone they should talk to. Short on purpose: a reader says yes to a message they can answer in a minute.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import quote

MET_WORDS = ("at ", "through ", "from ", "in ", "on ", "when ", "via ", "during ", "while ")


@dataclass
class Profile:
    """What the draft takes from fit's ideal-role profile."""

    label: str = ""
    loved: list[str] = field(default_factory=list)  # loved and good at: the centre of the role
    growing: list[str] = field(default_factory=list)
    sector: str = ""


@dataclass
class About:
    """What the draft takes from the contact."""

    first_name: str
    how_met: str = ""
    role: str = ""
    organisation: str = ""
    relationship: str = ""
    met_recently: bool = False  # met in the last few months: "good to meet you", not "it has been a while"


def _listing(items: list[str]) -> str:
    items = [i.strip().lower() if not i.strip()[:2].isupper() else i.strip() for i in items if i.strip()]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _article(words: str) -> str:
    if words[:1].isupper() and not words[1:2].isupper():  # "Adult literacy educator" reads mid-sentence in lower case
        words = words[0].lower() + words[1:]
    return ("an " if words[:1].lower() in "aeiou" else "a ") + words


def first_name(name: str) -> str:
    parts = name.split()
    return parts[0] if parts else "there"


def opening(about: About) -> str:
    how = about.how_met.strip().rstrip(".")
    if how.lower() == "connected on linkedin":
        return "We are connected on LinkedIn, and I hope you don't mind me writing."
    if how and how.lower().startswith(MET_WORDS):
        how = how[0].lower() + how[1:]
        if about.met_recently:
            return f"It was good to meet you {how}, and thank you for your time."
        return f"I hope you are well. It has been a while since we met {how}."
    if about.relationship in ("colleague", "former colleague") and about.organisation:
        return "I hope you are well. I often think of the work we did together."
    if about.relationship in ("mentor", "professor"):
        return "I hope you are well. Your advice has stayed with me, and I would value it again."
    return "I hope you are well."


def role_sentence(profile: Profile) -> str:
    work = _listing(profile.loved[:3]) or _listing(profile.growing[:2])
    what = f"as {_article(profile.label)}" if profile.label else ""
    sentence = "I am looking for my next role"
    if what:
        sentence += f", {what}"
    if work:
        sentence += f": work centred on {work}, which is what I love and do best"
    if profile.sector:
        sentence += f", in {profile.sector}"
    return sentence + "."


def why_them(about: About) -> str:
    if about.role and about.organisation:
        return f"As {about.role} at {about.organisation}, you see this field up close, and I would value your view."
    if about.organisation:
        return f"You know {about.organisation} and the people around it, and I would value your view."
    if about.role:
        return f"As {_article(about.role)}, you see this field up close, and I would value your view."
    return "I would value your view."


ASK = (
    "Would you have twenty minutes for a call or a coffee in the next few weeks? And if someone comes to mind "
    "whom I should talk to, an introduction would mean a lot."
)


def subject(profile: Profile) -> str:
    return f"Your advice on {profile.label.lower()} roles" if profile.label else "Twenty minutes of your advice?"


def body(profile: Profile, about: About, sender: str) -> str:
    """Return the message: greeting, context, what the person is after, why this contact, the ask, thanks."""
    paragraphs = [
        f"Hi {about.first_name},",
        opening(about),
        f"{role_sentence(profile)} {why_them(about)}",
        ASK,
        "Thank you," + (f"\n{sender}" if sender else ""),
    ]
    return "\n\n".join(paragraphs)


def mailto(email: str, subject_line: str, text: str) -> str:
    """Return a mailto: link (RFC 6068) that opens the message in the person's mail app."""
    return f"mailto:{quote(email, safe='@')}?subject={quote(subject_line)}&body={quote(text)}"
