"""E-mail addresses from ad text, plain or disguised, returned lower-case.

Disguises undone before matching: "(at)", "[at]", "{at}", "(a)", "@" written with spaces
around, and "at" spelled out in the languages of the ads (arobase, chez, arroba, chiocciola,
klammeraffe, apenstaartje); "(dot)", "[point]", " point com", " dot fr", "punto", "punkt", "punt",
"ponto", "punct", "dotcom", "gmail,com"; providers split or glued to their domain ("g mail",
"hot mail", "gmail com", "gmail dot c o m"); letters spaced out ("l e a 5 9 @ g m a i l . c o m");
addresses split over lines; fullwidth and other compatibility characters (NFKC).

An address needs a domain with a top-level domain ("gmail" alone is not an e-mail), and a bare
" at "/" point " is only read as "@"/"." between things that look like an address, so ordinary
sentences ("rdv at home", "à point") never produce one.
"""

from __future__ import annotations

import re
import unicodedata

# Generic top-level domains seen in ads; any two-letter country code is accepted as well.
_GENERIC_TLDS = (
    "com", "net", "org", "info", "biz", "name", "pro", "mobi", "xyz", "online", "site", "club",
    "live", "email", "me", "io", "app", "tech", "store", "shop", "world", "life", "love", "sexy",
    "top", "vip", "icu", "page", "blog", "fun", "space", "website", "agency",
)
_TLD = rf"(?:{'|'.join(_GENERIC_TLDS)}|[a-z]{{2}})"
# Country domains of the ads' countries and their neighbours, read after a spoken or spaced dot.
_KNOWN_TLD_WORD = (rf"(?:{'|'.join(_GENERIC_TLDS)}|fr|be|ch|lu|ca|de|es|it|uk|co|eu|ro|bg|pt|nl|pl|br|ie|at|dk|no|se"
                   r"|fi|th|us|mx|ar|au|nz|cz|hu|gr|ru|ua)")

# "@" and "." spelled out: English, French, Spanish/Portuguese, Italian, German, Dutch, Romanian.
_AT_WORDS = "at|arobase|arobas|arroba|chiocciola|klammeraffe|apenstaartje"
_DOT_WORDS = "dot|point|punto|punkt|punt|ponto|punct"
# (Patterns start with a character class, so that the engine only stops where one can start: a
# space or a bracket here, a space in the spoken forms, a space, "." or "@" in the spaced ones.)
_BRACKET_START = r"[\s(\[{<](?:(?<=\s)\s*[(\[{<]|(?<=[(\[{<]))"
_BRACKETED_AT = re.compile(rf"{_BRACKET_START}\s*(?:{_AT_WORDS}|a|@)\s*[)\]}}>]\s*", re.IGNORECASE)
_BRACKETED_DOT = re.compile(rf"{_BRACKET_START}\s*(?:{_DOT_WORDS}|pt|\.)\s*[)\]}}>]\s*", re.IGNORECASE)
# A bare "at" word between a local part and a domain written "name.tld" (spoken dots are already
# replaced when this runs).
_SPOKEN_AT = re.compile(
    rf"\s(?<=[\w.]\s)\s*(?:{_AT_WORDS}|chez)\s+(?=[a-z0-9-]+\.{_KNOWN_TLD_WORD}\b)",
    re.IGNORECASE,
)
# Mail providers written apart or without their dot: "g mail", "hot mail", "gmail com". (Each
# pattern starts with a character class or a literal, so that the engine only stops there.)
_PROVIDERS = "gmail|hotmail|yahoo|outlook|live|icloud|aol|protonmail|gmx|libero|orange|laposte|web"
_SPLIT_PROVIDER = re.compile(r"[ghoy](?<![\w.][ghoy])(?:(?<=g)|(?<=h)ot|(?<=o)ut|(?<=y)a)\s?-?\s(?:mail|look|hoo)\b")
_DOTLESS_PROVIDER = re.compile(rf"[@\s](?:(?<=@)|(?:{_AT_WORDS})\s)\s*(?:{_PROVIDERS})\s+(?={_KNOWN_TLD_WORD}\b)")
# A top-level domain spelled letter by letter or glued to "dot": "dot c o m", "dotcom".
_SPACED_TLD = re.compile(r"\.\s*([a-z])\s([a-z])(?:\s([a-z]))?\b(?!\s[a-z]\b)")
_SPACES_BEFORE_DOT = re.compile(r"\s+\.")
_GLUED_DOT = re.compile(
    rf"[dp](?<![^\W\d_][dp])(?:(?<=d)ot|(?<=p)(?:oint|unto|unkt|unt|onto|unct))(?={_KNOWN_TLD_WORD}\b)"
)
# A comma for the last dot of a domain: "lea@gmail,com".
_COMMA_DOT = re.compile(rf"(@[a-z0-9-]+)\s*,\s*(?={_KNOWN_TLD_WORD}\b)", re.IGNORECASE)
# A bare word "dot"/"point" followed by a top-level domain: "gmail point com", "hotmail dot fr".
_SPOKEN_DOT = re.compile(rf"\s+(?:{_DOT_WORDS})\s+(?={_KNOWN_TLD_WORD}\b|[a-z]\s[a-z]\b)", re.IGNORECASE)
# Spaces around "@", and around a dot that precedes a known top-level domain.
_SPACED_AT = re.compile(r"[\s@](?<=[\w.][\s@])\s*(?:(?<=@)|@)\s*(?=[a-z0-9])", re.IGNORECASE)
_SPACED_DOT = re.compile(rf"[\s.](?<=\w[\s.])\s*(?:(?<=\.)|\.)\s*(?={_KNOWN_TLD_WORD}\b)", re.IGNORECASE)
# Letters spaced out one by one: at least five single characters separated by single spaces.
_SPACED_LETTERS = re.compile(r"(?<!\S)(?:[\w.@+\-] ){4,}[\w.@+\-](?!\S)")
# Cheap pre-filter on the lower-cased text: without one of these there is no "@" to reveal.
_AT_HINTS = ("@", "＠", "﹫", " at ", "(at", "[at", "{at", "<at", "arobas", "(a)", " chez ", "arroba", "chiocciola",
             "klammeraffe", "apenstaartje")
_ADDRESS = re.compile(
    rf"(?<![\w.+\-])([a-z0-9](?:[a-z0-9._%+\-]{{0,62}}[a-z0-9_])?)@"
    rf"((?:[a-z0-9](?:[a-z0-9\-]{{0,61}}[a-z0-9])?\.)+{_TLD})(?![\w\-]|\.[a-z0-9])",
)


def _nfkc(text: str) -> str:
    return text if text.isascii() else unicodedata.normalize("NFKC", text)


def _unspace(match: re.Match[str]) -> str:
    return match.group().replace(" ", "")


def _unspace_all(match: re.Match[str]) -> str:
    return "".join(c for c in match.group() if c.isalpha())


def reveal_emails(text: str) -> str:
    """Lower-cased ``text`` with e-mail disguises turned back into "@" and "."."""
    text = _nfkc(text).lower()
    text = _SPACED_LETTERS.sub(_unspace, text)
    text = _SPLIT_PROVIDER.sub(_unspace_all, text)
    text, glued = _GLUED_DOT.subn(".", text)
    if glued:
        text = _SPACES_BEFORE_DOT.sub(".", text)
    text = _BRACKETED_AT.sub("@", text)
    text = _BRACKETED_DOT.sub(".", text)
    text = _SPOKEN_DOT.sub(".", text)
    text = _SPACED_TLD.sub(lambda m: "." + "".join(g for g in m.groups() if g), text)
    text = _DOTLESS_PROVIDER.sub(lambda m: m.group().rstrip() + ".", text)
    text = _SPOKEN_AT.sub("@", text)
    text = _SPACED_AT.sub("@", text)
    text = _COMMA_DOT.sub(r"\1.", text)
    return _SPACED_DOT.sub(".", text)


def extract_emails(text: str) -> list[str]:
    """E-mail addresses in ``text``, lower-case, in order of appearance, without repeats."""
    if not isinstance(text, str):
        raise TypeError(f"extract_emails expects a str, got {type(text).__name__}")
    lowered = text.lower()
    if not any(hint in lowered for hint in _AT_HINTS):
        return []
    emails: list[str] = []
    for match in _ADDRESS.finditer(reveal_emails(text)):
        local, domain = match.groups()
        if ".." in local or local.startswith(".") or local.endswith("."):
            continue
        address = f"{local}@{domain}"
        if address not in emails:
            emails.append(address)
    return emails


# Providers that deliver "name+anything@" to "name@"; Gmail also ignores dots in the name.
_PLUS_ADDRESSING = frozenset({"gmail.com", "googlemail.com", "outlook.com", "outlook.fr", "hotmail.com",
                              "hotmail.fr", "live.com", "live.fr", "icloud.com", "protonmail.com", "proton.me"})
_DOTLESS = frozenset({"gmail.com", "googlemail.com"})


def canonical_email(address: str) -> str:
    """The mailbox an address reaches, for linking ads: "Lea.Douce+ads@googlemail.com" and
    "leadouce@gmail.com" are one Gmail account, so both give "leadouce@gmail.com".

    ``address`` is one address as :func:`extract_emails` returns it; other providers' addresses
    are returned unchanged (they may treat dots and "+" as part of the name).
    """
    local, _, domain = address.lower().rpartition("@")
    if not local:
        raise ValueError("canonical_email expects one address of the form name@domain")
    if domain in _PLUS_ADDRESSING:
        local = local.split("+", 1)[0]
    if domain in _DOTLESS:
        local, domain = local.replace(".", ""), "gmail.com"
    return f"{local}@{domain}"
