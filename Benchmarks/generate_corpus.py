#!/usr/bin/env python3
"""Generate a benchmark corpus in the content format of CONTENT.md.

    Benchmarks/generate_corpus.py N OUT_DIR [--seed S] [--seeds DIR]

Writes OUT_DIR/site.yml, speakers.yml, themes.yml, visits/<slug>.md and
documents/<slug>.md: N documents of 400 to 1,500 words built from the real
sentences of the seed documents (/work/shared/seeds/*.txt), with headings,
bullet lists, links, emphasis and 1 to 4 attributed quotes each, plus visits
(about N/50, at least 8), speakers (about N/100, at least 10) and themes (12 to 40)
in proportion.

The output depends only on N, the seed and the seed documents: the same
arguments give byte-identical files (one random.Random(seed), no clock, no
iteration over sets). Existing visits/*.md and documents/*.md in OUT_DIR are
removed first, so the folder holds exactly one corpus.

Prints the number of files written.
"""

import argparse
import datetime
import json
import os
import random
import re
import sys
from pathlib import Path

# The seeds in shared/ beside the repository (where developers and CI have them), else
# the workplace's copy; SEEDS_DIR overrides both.
_BESIDE = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"
DEFAULT_SEEDS = Path(os.environ.get("SEEDS_DIR", _BESIDE if _BESIDE.is_dir() else "/work/shared/seeds"))

MIN_WORDS, MAX_WORDS = 400, 1500
FIRST_DAY = datetime.date(2015, 1, 1)
LAST_DAY = datetime.date(2025, 12, 31)

# --------------------------------------------------------------------------- sentences

# Lines of web-page chrome in the captured seeds: navigation, share buttons, captions,
# letter headers and sign-offs.
NOISE = re.compile(
    r"icon|navigation menu|Share this page|\*\*|@|\| TfC|Concerned about a child|"
    r"Yours sincerely|^Dear |[A-Z]{1,2}\d{1,2}[A-Z]? ?\d[A-Z]{2}\b|"  # postcodes: letter address blocks
    r"[a-z]{2}[A-Z][a-z]",  # two captured lines run together ("InspectorTogether")
)
BULLET = re.compile(r"^[\s\-–—•·✓\u00a0]+")
DATELINE = re.compile(r"^.*?\bdate \d{4}-\d{2}-\d{2}\s*")
SENTENCE_END = re.compile(r"(?<=[.!?…])[”\"’']?\s+(?=[“\"‘']?[A-Z])")
# A sentence must not start a Markdown block of its own when it opens a paragraph.
BLOCK_START = re.compile(r"^(\d+[.)]\s|[-+*#>=|~`]|—|--)")
MARKDOWN_SPECIAL = re.compile(r"[][<>*_`\\|#]")
QUOTE_CHARS = "\"“”‘’'"


def seed_sentences(folder: Path) -> list[str]:
    """The seed documents' sentences, in reading order, without web noise, each once."""
    sentences: dict[str, None] = {}
    files = sorted(folder.glob("*.txt"))
    if not files:
        sys.exit(f"generate_corpus: no seed documents (*.txt) in {folder}")
    for path in files:
        for raw in path.read_text(encoding="utf-8").splitlines():
            line = " ".join(raw.replace("\u00a0", " ").split())
            line = DATELINE.sub("", line)
            line = BULLET.sub("", line)
            if len(line.split()) < 5 or NOISE.search(line) or re.match(r"^\d+\.\s", raw.strip()):
                continue
            # A sentence that runs on straight into the next ("services…An area") stays one.
            for sentence in SENTENCE_END.split(line):
                sentence = sentence.strip()
                words = sentence.split()
                if not 5 <= len(words) <= 70:
                    continue
                if MARKDOWN_SPECIAL.search(sentence) or BLOCK_START.match(sentence):
                    continue
                if not re.search(r"[.!?…][”\"’']*$", sentence):
                    continue  # headings and captions, not sentences
                sentences[sentence] = None
    if len(sentences) < 50:
        sys.exit(f"generate_corpus: only {len(sentences)} usable sentences in {folder}")
    return list(sentences)


def unquoted(text: str) -> str:
    """A sentence with a stray opening or closing quotation mark removed, for block quotes."""
    text = text.strip()
    while text and text[0] in QUOTE_CHARS:
        text = text[1:]
    while text and text[-1] in QUOTE_CHARS:
        text = text[:-1]
    text = text.strip()
    if text and text[-1] not in ".!?…":
        text += "."
    return text[:1].upper() + text[1:]


# --------------------------------------------------------------------------- YAML

PLAIN_SAFE = re.compile(r"^[A-Za-z][A-Za-z0-9 ,.'’()/&-]*$")
YAML_WORDS = {"y", "n", "yes", "no", "true", "false", "on", "off", "null", "~"}


def y(value: str) -> str:
    """A YAML scalar: plain when that is unambiguous, else double-quoted."""
    if (PLAIN_SAFE.match(value) and value.lower() not in YAML_WORDS and not value.endswith(" ")
            and ": " not in value and " #" not in value and not value.endswith(":")):
        return value
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a valid YAML double-quoted scalar


def y_list(values: list[str]) -> str:
    """A YAML flow sequence; an item with a flow indicator (, [ ] { }) is quoted."""
    items = (json.dumps(v, ensure_ascii=False) if re.search(r"[,\[\]{}]", v) else y(v) for v in values)
    return "[" + ", ".join(items) + "]"


# --------------------------------------------------------------------------- names

REAL_SPEAKERS = [
    ("ofsted-inspectors", "Ofsted inspectors", "Inspectors, letters and reports of Ofsted",
     "Ofsted (the Office for Standards in Education, Children's Services and Skills)",
     ["Ofsted", "the inspectors", "the inspection team"]),
    ("fiona-millns", "Fiona Millns", "Led the Ofsted inspection team", "Ofsted", []),
    ("jill-colbert", "Jill Colbert", "Chief Executive at Together for Children", "Together for Children",
     ["Ms Colbert"]),
    ("paul-moffatt", "Paul Moffatt", "Together for Children's Board Chair", "Together for Children", []),
    ("deborah-jenkins", "Deborah Jenkins", "Chair of the Together for Children board", "Together for Children", []),
    ("simon-marshall", "Simon Marshall", "TfC's Chief Executive and the lead for children's services",
     "Together for Children", []),
    ("louise-farthing", "Louise Farthing", "Portfolio Holder for Children's Services", "Sunderland City Council",
     ["Councillor Louise Farthing"]),
    ("harry-trueman", "Harry Trueman", "Deputy Leader of Sunderland City Council", "Sunderland City Council",
     ["Councillor Harry Trueman"]),
    ("michael-butler", "Michael Butler",
     "Cabinet Member for Children's Services, Child Poverty and Skills, Sunderland City Council",
     "Sunderland City Council", ["Councillor Michael Butler", "Cllr Butler"]),
    ("neil-penswick", "Neil Penswick", "Her Majesty's Inspector", "Ofsted", []),
]
FIRST_NAMES = [
    "Aisha", "Alan", "Amanda", "Andrew", "Angela", "Brenda", "Carol", "Catherine", "Claire", "Colin",
    "David", "Dawn", "Elaine", "Emma", "Gary", "Graham", "Hannah", "Helen", "Ian", "James", "Janet",
    "Jon", "Joanne", "Karen", "Kevin", "Laura", "Lesley", "Mark", "Martin", "Nadia", "Nicola", "Omar",
    "Patricia", "Peter", "Rachel", "Richard", "Ruth", "Sarah", "Stephen", "Susan", "Tom", "Victoria",
]
LAST_NAMES = [
    "Armstrong", "Bell", "Bowman", "Brown", "Charlton", "Collins", "Dixon", "Edwards", "Fletcher",
    "Graham", "Hall", "Harrison", "Henderson", "Horsefield", "Hughes", "Hussain", "Johnson", "Kelly",
    "Lambert", "McLaughlin", "Milburn", "Moore", "Nixon", "O'Neill", "Patel", "Pearson", "Robson",
    "Scott", "Shepherd", "Stoker", "Taylor", "Thompson", "Turnbull", "Walker", "Watson", "Wilkinson",
    "Wood", "Wright", "Young",
]
ROLES = [
    ("Director of Social Care", "Together for Children"),
    ("Head of Early Help", "Together for Children"),
    ("Service Manager, Children in Care", "Together for Children"),
    ("Principal Social Worker", "Together for Children"),
    ("Head of the Virtual School", "Together for Children"),
    ("Team Manager, Next Steps", "Together for Children"),
    ("Non-executive Director", "Together for Children"),
    ("Her Majesty's Inspector", "Ofsted"),
    ("Regional Director, North East", "Ofsted"),
    ("Leader of Sunderland City Council", "Sunderland City Council"),
    ("Cabinet Member for Children, Learning and Skills", "Sunderland City Council"),
    ("Chair of the Sunderland Safeguarding Children Partnership", "Sunderland Safeguarding Children Partnership"),
    ("Detective Superintendent, Northumbria Police", "Northumbria Police"),
    ("Designated Nurse for Safeguarding Children", "NHS Sunderland"),
    ("Headteacher and partnership lead", "Sunderland schools"),
    ("Member of the Change Council", "The Change Council"),
]

REAL_THEMES = [
    ("early-help", "Early help", "Support for children and families before problems escalate."),
    ("child-protection", "Child protection", "Help and protection for children at risk, from referral to protection plans."),
    ("children-in-care", "Children in care", "The experiences and progress of 'cared for children'."),
    ("care-leavers", "Care leavers", "Support for 'care experienced' young people."),
    ("workforce", "Workforce", "Recruiting, keeping, training and supporting social workers and other staff."),
    ("leadership-and-oversight", "Leadership and oversight", "How leaders, managers and the council oversee practice."),
    ("partnership-working", "Partnership working", "Work with schools, the police, health and other agencies."),
    ("covid-19-response", "COVID-19 response", "How services kept supporting children through the pandemic."),
    ("education", "Education", "School attendance, education plans and the virtual school."),
    ("voice-of-the-child", "Voice of the child", "Listening to children and letting their views shape services."),
    ("practice-model", "Model of social work practice", "The relationship-based model of practice rolled out across services."),
]
MORE_THEMES = [
    "Front door and referrals", "Assessment quality", "Management oversight", "Pre-birth support",
    "Exploitation and missing children", "Disabled children", "Placements and sufficiency",
    "Family time", "Permanence and adoption", "Fostering", "Residential care", "Mental health and wellbeing",
    "Youth justice", "Domestic abuse", "Private fostering", "Quality assurance and audit",
    "Performance data", "Court work and pre-proceedings", "Unaccompanied children", "Apprenticeships",
    "Housing for care leavers", "Corporate parenting", "Participation and the Change Council",
    "Social work caseloads", "Training and development", "Recruitment and retention", "Signs of Safety",
    "Family networks", "Edge of care", "Special educational needs", "Health assessments",
    "Independent reviewing officers", "Neglect",
]

PUBLISHERS = ["Together for Children", "Sunderland City Council", "Ofsted", "Signs of Safety",
              "Sunderland Safeguarding Children Partnership"]
DOC_KINDS = [("press-release", 45), ("ofsted-letter", 15), ("article", 25), ("report", 15)]
VISIT_KINDS = [("inspection", 20), ("monitoring-visit", 45), ("focused-visit", 25), ("other", 10)]
GRADED_AREAS = [
    "Impact of leaders on social work practice with children and families",
    "Experiences and progress of children who need help and protection",
    "Experiences and progress of children in care",
    "Experiences and progress of care leavers",
]
JUDGEMENTS = ["inadequate", "requires-improvement", "good", "outstanding"]
HEADINGS = [
    "Findings", "What needs to improve", "What inspectors found", "Background", "Next steps",
    "Help and protection", "Children in care", "Care experienced young people", "Leadership",
    "Working with partners", "What people said", "The journey so far", "Areas for improvement",
    "Practice and oversight", "Listening to children",
]
INTROS = ["{name} said:", "{name}, speaking after the visit, said:", "{name} added:",
          "In a statement, {name} said:", "Responding to the findings, {name} said:"]
LIST_INTROS = ["Inspectors also noted:", "Reporting on their findings, inspectors noted that:",
               "Among the strengths found:", "The letter highlights:", "Areas identified include:"]
# Words a title should not end on.
TITLE_STOP = ("a an and the of to in for with by on at from that this these which who whose is are was were "
              "be been being have has had their its our your her his as or but not into than so all local").split()
LINK_SECTIONS = ["news", "reports", "letters", "inspections", "services", "about"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]


def slugify(text: str, words: int = 99) -> str:
    parts = re.findall(r"[a-z0-9]+", text.lower().replace("'", "").replace("’", ""))
    return "-".join(parts[:words])


def weighted(rng: random.Random, choices: list[tuple[str, int]]) -> str:
    return rng.choices([c for c, _ in choices], weights=[w for _, w in choices])[0]


def random_day(rng: random.Random, first: datetime.date = FIRST_DAY, last: datetime.date = LAST_DAY) -> datetime.date:
    return first + datetime.timedelta(days=rng.randint(0, (last - first).days))


def clamp(day: datetime.date) -> datetime.date:
    return min(day, LAST_DAY)


# --------------------------------------------------------------------------- generator

class Corpus:
    def __init__(self, n: int, seed: int, sentences: list[str]):
        self.rng = random.Random(seed)
        self.n = n
        self.sentences = sentences
        self.n_visits = max(8, round(n / 50))
        self.n_speakers = max(10, round(n / 100))
        self.n_themes = min(40, max(12, round(n / 250)))

    # ---- text pieces

    def run(self, count: int) -> list[str]:
        """`count` consecutive seed sentences from a random place (reads more naturally than shuffled)."""
        start = self.rng.randrange(len(self.sentences))
        return [self.sentences[(start + i) % len(self.sentences)] for i in range(count)]

    def decorate(self, sentence: str) -> str:
        """Sometimes turns a few words of a sentence into a link or emphasis."""
        r = self.rng.random()
        if r > 0.35:
            return sentence
        words = sentence.split(" ")
        plain = [i for i, w in enumerate(words) if re.fullmatch(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]", w)]
        if len(plain) < 4:
            return sentence
        length = self.rng.randint(2, 4) if r < 0.15 else self.rng.randint(1, 3)
        i = self.rng.choice(plain)
        span = [i]
        while len(span) < length and span[-1] + 1 in plain:
            span.append(span[-1] + 1)
        text = " ".join(words[span[0]:span[-1] + 1])
        if r < 0.15:
            path = f"{self.rng.choice(LINK_SECTIONS)}/{slugify(text)}"
            new = f"[{text}](https://example.org/{path})"
        elif r < 0.28:
            new = f"*{text}*"
        else:
            new = f"**{text}**"
        return " ".join(words[:span[0]] + [new] + words[span[-1] + 1:])

    def paragraph(self, low: int = 2, high: int = 5) -> str:
        return " ".join(self.decorate(s) for s in self.run(self.rng.randint(low, high)))

    def bullet_list(self) -> str:
        items = [f"- {self.decorate(s)}" for s in self.run(self.rng.randint(3, 6))]
        return self.rng.choice(LIST_INTROS) + "\n\n" + "\n".join(items)

    def quote(self, speaker: dict) -> str:
        paragraphs = []
        for _ in range(self.rng.choices([1, 2, 3], weights=[5, 3, 1])[0]):
            paragraphs.append(" ".join(unquoted(s) for s in self.run(self.rng.randint(1, 3))))
        name = speaker["name"]
        if speaker["aliases"] and self.rng.random() < 0.3:
            name = self.rng.choice(speaker["aliases"])
        dash = "—" if self.rng.random() < 0.8 else "--"
        style = self.rng.random()
        if style < 0.45:
            attribution = f"{dash} {name}, {speaker['role']}"
        elif style < 0.6:
            attribution = f"{dash} {name}, speaking for {speaker['organisation']}"
        else:
            attribution = f"{dash} {name}"
        intro = self.rng.choice(INTROS).format(name=name)
        body = "\n>\n".join(f"> {p}" for p in paragraphs)
        return f"{intro}\n\n{body}\n>\n> {attribution}"

    def title(self) -> str:
        words = unquoted(self.rng.choice(self.sentences)).rstrip(".!?…").split()
        cut = words[: self.rng.randint(6, 11)]
        while cut and (cut[-1].lower() in TITLE_STOP or not re.search(r"[A-Za-z0-9]$", cut[-1])):
            cut.pop()
        return " ".join(cut or words[:6]).rstrip(",;:")

    # ---- files

    def site(self) -> str:
        return (
            'title: "Sunderland children\'s services: progress portal (benchmark corpus)"\n'
            f'description: "A generated corpus of {self.n} documents for measuring build speed."\n'
            'base_url: "https://example.org/portal/"\n'
            "language: en-GB\n"
            "publisher: Together for Children\n"
        )

    def make_speakers(self) -> list[dict]:
        speakers = []
        taken: dict[str, None] = {}  # every slug, name and alias, lowercased: each must name one speaker

        def free(*names: str) -> bool:
            return all(n.lower() not in taken for n in names)

        def add(slug, name, role, organisation, aliases):
            aliases = [a for a in aliases if free(a)]
            for key in [slug, name, *aliases]:
                taken[key.lower()] = None
            speakers.append(dict(slug=slug, name=name, role=role, organisation=organisation, aliases=aliases))

        for entry in REAL_SPEAKERS[: self.n_speakers]:
            add(*entry)
        while len(speakers) < self.n_speakers:
            first, last = self.rng.choice(FIRST_NAMES), self.rng.choice(LAST_NAMES)
            name = f"{first} {last}"
            slug = slugify(name)
            if not free(name, slug):
                if len(taken) > 3 * len(FIRST_NAMES) * len(LAST_NAMES):
                    sys.exit("generate_corpus: ran out of speaker names")
                continue
            role, organisation = self.rng.choice(ROLES)
            aliases = []
            if organisation == "Sunderland City Council":
                aliases.append(f"Councillor {name}")
                if self.rng.random() < 0.5:
                    aliases.append(f"Cllr {last}")
            elif self.rng.random() < 0.4:
                aliases.append(f"{self.rng.choice(['Ms', 'Mr', 'Dr'])} {last}")
            add(slug, name, role, organisation, aliases)
        return speakers

    def speakers_yml(self, speakers: list[dict]) -> str:
        out = []
        for s in speakers:
            out.append(f"- slug: {s['slug']}\n  name: {y(s['name'])}\n  role: {y(s['role'])}\n"
                       f"  organisation: {y(s['organisation'])}\n")
            if s["aliases"]:
                out.append(f"  aliases: {y_list(s['aliases'])}\n")
        return "".join(out)

    def make_themes(self) -> list[tuple[str, str, str]]:
        themes = list(REAL_THEMES[: self.n_themes])
        extra = MORE_THEMES[:]
        self.rng.shuffle(extra)
        for title in extra[: self.n_themes - len(themes)]:
            description = unquoted(self.rng.choice(self.sentences))
            themes.append((slugify(title), title, description))
        return themes

    def themes_yml(self, themes) -> str:
        return "".join(f"- slug: {slug}\n  title: {y(title)}\n  description: {y(desc)}\n"
                       for slug, title, desc in themes)

    def make_visits(self) -> list[dict]:
        starts = sorted(random_day(self.rng, FIRST_DAY, datetime.date(2025, 10, 31)) for _ in range(self.n_visits))
        visits = []
        for number, start in enumerate(starts, 1):
            kind = weighted(self.rng, VISIT_KINDS)
            if kind == "inspection":
                end = start + datetime.timedelta(days=self.rng.randint(4, 11))
            elif self.rng.random() < 0.6:
                end = start + datetime.timedelta(days=self.rng.randint(0, 2))
            else:
                end = None
            slug = f"{start:%Y-%m}-{kind}-{number:03d}"
            visits.append(dict(slug=slug, kind=kind, start=start, end=end,
                               published=(end or start) + datetime.timedelta(days=self.rng.randint(14, 60))
                               if self.rng.random() < 0.6 else None))
        return visits

    def judgement(self, year: int) -> str:
        progress = (year - 2015) / 10  # inadequate in 2015, outstanding by 2025, with noise
        weights = [max(0.05, 1 - 2 * progress), 0.6 - abs(progress - 0.35),
                   0.6 - abs(progress - 0.6), max(0.05, 2 * progress - 0.8)]
        return self.rng.choices(JUDGEMENTS, weights=[max(0.05, w) for w in weights])[0]

    def visit_md(self, v: dict) -> str:
        start = v["start"]
        month = f"{MONTHS[start.month - 1]} {start.year}"
        title = {
            "inspection": f"Inspection of Sunderland children's services, {month}",
            "monitoring-visit": f"Monitoring visit, {month}",
            "focused-visit": f"Focused visit to Sunderland children's services, {month}",
            "other": f"Joint targeted area inspection: {month}",
        }[v["kind"]]
        lines = ["---", f"title: {y(title)}", f"kind: {v['kind']}", f"start: {start.isoformat()}"]
        if v["end"]:
            lines.append(f"end: {v['end'].isoformat()}")
        if v["published"]:
            lines.append(f"published: {v['published'].isoformat()}")
        if v["kind"] == "inspection":
            overall = self.judgement(start.year)
            lines.append(f"judgement: {overall}")
            if self.rng.random() < 0.7:
                lines.append("judgements:")
                for area in GRADED_AREAS:
                    grade = overall if self.rng.random() < 0.6 else self.judgement(start.year)
                    lines += [f"  - area: {y(area)}", f"    grade: {grade}"]
        if self.rng.random() < 0.5:
            inspectors = []
            for _ in range(self.rng.randint(1, 5)):
                name = f"{self.rng.choice(FIRST_NAMES)} {self.rng.choice(LAST_NAMES)}"
                if name not in inspectors:
                    inspectors.append(name)
            lines.append(f"inspectors: {y_list(inspectors)}")
        if self.rng.random() < 0.5:
            lines.append(f"report_url: https://example.org/reports/{v['slug']}")
        lines.append("---")
        body = "\n\n".join(self.paragraph(2, 4) for _ in range(self.rng.randint(1, 3)))
        return "\n".join(lines) + "\n" + body + "\n"

    def document_md(self, index: int, visits: list[dict], themes, speakers) -> tuple[str, str]:
        rng = self.rng
        visit = rng.choice(visits) if rng.random() < 0.85 else None
        if visit:
            after = visit["published"] or visit["end"] or visit["start"]
            date = clamp(after + datetime.timedelta(days=rng.randint(0, 45)))
        else:
            date = random_day(rng)
        if visit and visit["kind"] != "other" and rng.random() < 0.3:
            kind = "ofsted-letter"
        else:
            kind = weighted(rng, DOC_KINDS)
        publisher = "Ofsted" if kind == "ofsted-letter" else rng.choice(PUBLISHERS)
        title = self.title()
        slug = f"{date.isoformat()}-doc-{index:05d}-{slugify(title, 4) or 'document'}"
        doc_themes = [t[0] for t in rng.sample(themes, rng.randint(1, 3))]

        lines = ["---", f"title: {y(title)}", f"date: {date.isoformat()}", f"kind: {kind}",
                 f"publisher: {y(publisher)}"]
        if visit:
            lines.append(f"visit: {visit['slug']}")
        lines.append(f"themes: {y_list(doc_themes)}")
        if rng.random() < 0.4:
            lines.append(f"source_url: https://example.org/news/{slug}")
        if rng.random() < 0.3:
            lines.append(f"summary: {y(' '.join(unquoted(s) for s in self.run(rng.randint(1, 2))))}")
        lines.append("---")

        # Body: 400 to 1,500 words (counted as whitespace-separated tokens, markup included),
        # with 1 to 4 quotes spread through it.
        target = rng.randint(MIN_WORDS, MAX_WORDS)
        quotes = [self.quote(rng.choice(speakers)) for _ in range(rng.randint(1, 4))]
        quote_words = sum(len(q.split()) for q in quotes)
        quote_at = sorted(rng.uniform(0.05, 0.95) * target for _ in quotes)
        blocks = [self.paragraph(2, 4)]
        words = len(blocks[0].split())
        since_heading = 1
        while words + quote_words < target:
            if quotes and words + quote_words >= quote_at[0] - len(quotes[0].split()):
                quote_at.pop(0)
                block = quotes.pop(0)
                quote_words -= len(block.split())
            elif since_heading >= rng.randint(3, 6):
                heading = rng.choice(HEADINGS) if rng.random() < 0.5 else self.title()
                block = f"## {heading}"
                since_heading = -1
            elif rng.random() < 0.15:
                block = self.bullet_list()
            else:
                block = self.paragraph()
            if words + quote_words + len(block.split()) > MAX_WORDS:
                if words + quote_words >= MIN_WORDS:
                    break
                block = self.paragraph(1, 1)  # a short paragraph to reach the minimum
            since_heading += 1
            blocks.append(block)
            words += len(block.split())
        if blocks[-1].startswith("## "):  # never end on a heading
            words -= len(blocks.pop().split())
        while words + quote_words < MIN_WORDS:
            blocks.append(self.paragraph(1, 1))
            words += len(blocks[-1].split())
        blocks += quotes
        return slug, "\n".join(lines) + "\n" + "\n\n".join(blocks) + "\n"


def write(path: Path, text: str) -> None:
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, metavar="N", help="number of documents")
    parser.add_argument("out", type=Path, metavar="OUT_DIR", help="content folder to write")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS, help=f"seed documents (default {DEFAULT_SEEDS})")
    args = parser.parse_args()
    if args.n < 1:
        parser.error("N must be at least 1")

    corpus = Corpus(args.n, args.seed, seed_sentences(args.seeds))
    out: Path = args.out
    for folder in ("visits", "documents"):
        (out / folder).mkdir(parents=True, exist_ok=True)
        for old in (out / folder).glob("*.md"):
            old.unlink()

    speakers = corpus.make_speakers()
    themes = corpus.make_themes()
    visits = corpus.make_visits()
    write(out / "site.yml", corpus.site())
    write(out / "speakers.yml", corpus.speakers_yml(speakers))
    write(out / "themes.yml", corpus.themes_yml(themes))
    files = 3
    for v in visits:
        write(out / "visits" / f"{v['slug']}.md", corpus.visit_md(v))
        files += 1
    for i in range(1, args.n + 1):
        slug, text = corpus.document_md(i, visits, themes, speakers)
        write(out / "documents" / f"{slug}.md", text)
        files += 1
    print(files)


if __name__ == "__main__":
    main()
