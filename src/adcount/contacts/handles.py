"""Messaging handles and profile links (WhatsApp, Telegram, Snapchat, Instagram, paid-content
platforms) as normalised keys, so that one account written two ways is one key.

Keys are ``"platform:account"``: ``"telegram:lea_59"`` for both "t.me/Lea_59" and
"Telegram : @lea_59"; ``"whatsapp:+33612345678"`` (E.164) for "wa.me/33612345678" and
"WhatsApp 06 12 34 56 78" or Brazil's "zap"; ``"snapchat:lea.59"`` ("sc: lea.59" too),
``"instagram:lea.59"``, ``"onlyfans:lea59"``, ``"mym:lea59"``, ``"fansly:lea59"``,
``"twitter:lea59"`` (twitter.com, x.com, "X: @lea59"), ``"kik:lea59"`` ("kik me: lea59"),
``"line:lea59"`` (the messenger of Thai ads: "Line ID: lea59", line.me/ti/p/~lea59); a Telegram
invite link gives ``"telegram-invite:<hash>"``. A name made of digits only after a platform word
("Line: 081-234-5678") is a phone number, read as a phone, not an account.
Account names are lower-cased (every one of these platforms treats them case-insensitively) and
stripped of trailing sentence punctuation; invite hashes are kept as written.

A name after a platform word counts only when it is clearly a name: introduced by ":", "=", an
arrow or "@", part of a profile link, written "@name" before the platform ("@lea.59 sur
insta"), or containing a digit, "." or "_" ("snap lea.59"). So "envoie-moi un snap pour plus de
photos" yields nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from adcount.contacts.phones import extract_phones


@dataclass(frozen=True)
class _Platform:
    """How one platform is named in ads and which characters its account names may use."""

    key: str
    words: str  # regex of the platform's names and common disguises
    link: str  # regex of its profile-link prefix
    account: str  # regex character class of account names
    min_len: int
    max_len: int
    hints: tuple[str, ...]  # lower-case substrings, one of which any mention contains...
    abbreviation: str = ""  # ...or this abbreviation before ":", "=" or "@" ("ig: lea.59")


_PLATFORMS = (
    _Platform("telegram", r"t[ée]l[ée]gram+e?|tlgrm|(?-i:TG|Tg|tg)(?=\s*[:=@])",
              r"(?:t|telegram)\.me/(?:s/)?(?!joinchat/)",
              r"[a-z0-9_]", 5, 32, ("gram", "tlgrm", ".me/"), "tg"),
    _Platform("snapchat", r"snap(?:chat)?|sn[a@]p|👻|(?-i:SC|sc|Sc)(?=\s*[:=@])", r"snapchat\.com/add/",
              r"[a-z0-9._\-]", 3, 15, ("snap", "sn@p", "👻"), "sc"),
    _Platform("instagram", r"insta(?:gram)?|inst@|(?-i:IG|ig|Ig)(?=\s*[:=@])",
              r"(?:instagram\.com|instagr\.am)/", r"[a-z0-9._]", 1, 30, ("inst",), "ig"),
    _Platform("onlyfans", r"only\s?fans?|(?-i:OF)(?=\s*[:=@])", r"onlyfans\.com/", r"[a-z0-9._\-]",
              3, 30, ("onlyfan", "only fan"), "of"),
    _Platform("mym", r"(?-i:MYM|Mym|mym)", r"mym\.fans/", r"[a-z0-9._\-]", 3, 30, ("mym",)),
    _Platform("fansly", r"fansly", r"fansly\.com/", r"[a-z0-9._\-]", 3, 30, ("fansly",)),
    _Platform("twitter", r"twitter|(?-i:X)(?=\s*[:=@])", r"(?:twitter|x)\.com/(?!intent/|share|home\b)",
              r"[a-z0-9_]", 4, 15, ("twitter", "x.com/"), "x"),
    _Platform("kik", r"kik(?:\s+me)?", r"kik\.me/", r"[a-z0-9._]", 2, 20, ("kik",)),
    _Platform("line", r"(?-i:LINE|Line|line)(?:\s*(?:id|ID|Id))?(?=\s*[:=@])|line\s*id", r"line\.me/ti/p/~?",
              r"[a-z0-9._\-]", 3, 20, ("line",)),
)
_WHATSAPP_HINTS = ("wa.me", "what", "wats", "wtsp", "wsp", "phone=", "zap")
# A Telegram invite link ("t.me/+Xy7AbC...", "t.me/joinchat/AAAA...") opens a private group or
# channel, often an organiser's: its hash is the key, kept as written (hashes are case-sensitive).
_TELEGRAM_INVITE = re.compile(r"(?:t|telegram)\.me/(?:joinchat/|\+)([A-Za-z0-9_\-]{10,64})", re.IGNORECASE)

# Words that follow a platform name in ordinary sentences and are never account names.
_NOT_ACCOUNT = frozenset(
    "pour par sur avec sans dans moi toi nous vous me te et ou uniquement seulement only dispo "
    "disponible prive privee perso compte contact message messages msg photos photo videos video "
    "plus aussi ici la le les un une des du de mon ma mes ton ta tes son sa ses via on and or "
    "me my the for with available account demande request stp svp merci http https www "
    "demandez demander ecrivez ecris contactez contacte envoyez envoie ajoutez ajoute suivez "
    "suis rejoins rejoignez abonne abonnez follow add write send ask".split()
)
_WINDOW = 60
_WHATSAPP_LINK = re.compile(
    r"(?:wa\.me/|whatsapp\.com/send/?\?phone=|whatsapp://send\?phone=)\+?(\d{7,15})", re.IGNORECASE
)
# "zap" (and "zapzap") is WhatsApp in Brazilian Portuguese: "chama no zap".
_WHATSAPP_WORD = re.compile(r"\bwh?ats?\s?app?\b|\bwatsap+\b|\bwtsp\b|\bwsp\b|\bwhats\b|\bzap(?:zap)?\b",
                            re.IGNORECASE)


# What may stand between a platform name and the account. Strong introducers (":", "=", "->",
# arrows, pointing hand) make any name an account; weak ones (other emoji, "c'est") only a name
# that looks like a handle.
_STRONG_INTRO = r"[:=\-–—>→⇒➡👉⤵↪\ufe0f]+"
_WEAK_INTRO = r"(?:[\U0001F300-\U0001FAFF\u2600-\u27BF\ufe0f]+|c['’]est\b)"


def _platform_pattern(platform: _Platform) -> re.Pattern[str]:
    # an account name ends where a letter outside its alphabet ("é") cannot continue it
    account = rf"{platform.account}{{1,{platform.max_len + 2}}}(?![^\W\d_])"
    # a platform word is not the start of a longer word ("snapshot"); an emoji may touch the name
    words = rf"(?:{platform.words})(?:(?<=👻)|(?![^\W\d_]))"
    return re.compile(
        rf"(?:(?:https?://)?(?:www\.)?{platform.link}(?P<linked>{account})"
        rf"|(?<![\w@]){words}\s*(?:(?P<sep>{_STRONG_INTRO})|{_WEAK_INTRO})?\s*(?P<at>@)?\s*"
        rf"(?P<named>(?![\w.\-]*/){account})"
        # the account first: "@lea.59 sur insta", "@lea.59 (snap)"
        rf"|(?<![\w@])@(?P<before>{account})\s*[(\[]?\s*(?:sur|on|en|via)?\s*{words})",
        re.IGNORECASE,
    )


_PATTERNS = tuple((p, _platform_pattern(p)) for p in _PLATFORMS)
# Which platforms a text may mention: substring tests of each platform's hints (cheap, C-level),
# and the abbreviations found before the rare marks ":", "=", "@" (so the scan stops only there).
_MARK = re.compile(r"[:=@]")
_HINTS = tuple((hint, i) for i, p in enumerate(_PLATFORMS) for hint in p.hints)
_ABBREVIATED = {p.abbreviation: i for i, p in enumerate(_PLATFORMS) if p.abbreviation}
_ABBREVIATION_BEFORE = re.compile(rf"(?:^|[^a-z])({'|'.join(_ABBREVIATED)}) ?$")


def _hinted_platforms(lowered: str) -> set[int]:
    """Indexes of the platforms ``lowered`` may mention."""
    hinted = {i for hint, i in _HINTS if hint in lowered}
    for mark in _MARK.finditer(lowered):
        found = _ABBREVIATION_BEFORE.search(lowered[max(0, mark.start() - 4) : mark.start()])
        if found is not None:
            hinted.add(_ABBREVIATED[found.group(1)])
    return hinted


def _account(platform: _Platform, match: re.Match[str]) -> str | None:
    """The normalised account name in ``match``, or None if it is not clearly an account."""
    linked = match.group("linked") or match.group("before")
    name = (linked or match.group("named")).lower().rstrip(".-_")
    if not (platform.min_len <= len(name) <= platform.max_len):
        return None
    if linked is None:
        introduced = match.group("sep") or match.group("at")
        looks_like_name = any(c.isdigit() or c in "._" for c in name)
        is_number = not any(c.isalpha() for c in name)
        if name in _NOT_ACCOUNT or is_number or not (introduced or looks_like_name):
            return None
    return name


def _whatsapp_keys(text: str, region: str) -> list[tuple[int, str]]:
    """(position, key) of WhatsApp numbers: wa.me links, or a phone next to the word."""
    found = []
    for match in _WHATSAPP_LINK.finditer(text):
        phones = extract_phones("+" + match.group(1), region)
        if phones:
            found.append((match.start(), f"whatsapp:{phones[0]}"))
    for match in _WHATSAPP_WORD.finditer(text):
        after = extract_phones(text[match.end() : match.end() + _WINDOW], region)
        if after:
            found.append((match.start(), f"whatsapp:{after[0]}"))
            continue
        before = extract_phones(text[max(0, match.start() - _WINDOW) : match.start()], region)
        if before:
            found.append((match.start(), f"whatsapp:{before[-1]}"))
    return found


def extract_handles(text: str, region: str = "FR") -> list[str]:
    """Messaging and profile handles in ``text`` as ``"platform:account"`` keys, in order, unique.

    ``region`` is used to read WhatsApp numbers written without an international prefix.
    """
    if not isinstance(text, str):
        raise TypeError(f"extract_handles expects a str, got {type(text).__name__}")
    lowered = text.lower()
    hinted = _hinted_platforms(lowered)
    found = _whatsapp_keys(text, region) if any(h in lowered for h in _WHATSAPP_HINTS) else []
    if ".me/" in lowered:
        found += [(m.start(), f"telegram-invite:{m.group(1)}") for m in _TELEGRAM_INVITE.finditer(text)]
    for index in sorted(hinted):
        platform, pattern = _PATTERNS[index]
        for match in pattern.finditer(text):
            name = _account(platform, match)
            if name is not None:
                found.append((match.start(), f"{platform.key}:{name}"))
    keys: list[str] = []
    for _, key in sorted(found, key=lambda item: item[0]):
        if key not in keys:
            keys.append(key)
    return keys
