#!/usr/bin/env python3
"""gencorpus — a deterministic scale corpus for `make bench` from real text.

Usage: python3 tools/gencorpus.py N [--seed S] [--data DIR] [--seeds DIR] > corpus.jsonl

Writes N JSON Lines records (id, lang, title, text, published), streamed in
publication order, so a million documents never sit in memory.

Every sentence is real: the paragraphs come from the articles in the
shared data (news-similarity pairs in ten languages, the article-extraction
ground truth, the seed articles).  They are recombined the way news grows:

- an *event* takes a core, the real articles about one happening (those
  the similarity judges rated as the same event, or one article alone;
  one article per report), and one or two people named after real names
  from the names data (in the script of each report: Latin, Arabic or
  Cyrillic), so new entities keep appearing.  Each report names them the
  way news does, with a title and a reporting verb in its language
  ("President Anna Kowal said: ...", "قال الرئيس ..."), after the
  headline and once more, by family name, further down;  the texts' own
  years move with the event (a text of 2020 told in 2009 speaks of 2009);
- cores are dealt from one fixed shuffled deck, in turn, so two events
  that share a core are always at least REUSE_DAYS apart: different
  events in the same weeks do not share their paragraphs in real news
  either.  The pool of real articles is finite (about 2,100 cores), so a
  larger corpus spans more years (three years up to about 120,000
  reports, about 24 years for a million), ending on END;
- each event has a few reports (a geometric number, most have one to
  four), published over the following days, each with most of the core
  paragraphs in its own order plus one or two unrelated paragraphs of the
  same language;
- new events start at a steady rate, so events and entities grow with the
  corpus as in a real feed.

The same N and seed always give the same bytes.
"""
import argparse
import datetime
import heapq
import json
import os
import random
import re
import sys

SENT_END = re.compile(r"(?<=[.!?。！？؟])\s+")
END = datetime.date(2024, 1, 1)  # in the past: the clusterer's clock ignores future days
MIN_SPAN_DAYS = 3 * 365
SAME_PAIR = 2.0      # judges' overall score (1 same event .. 4 unrelated) joining two articles
SOURCE_YEAR = 2020   # the source articles were written around then
YEAR = re.compile(r"(?<![0-9])(19[89][0-9]|20[0-4][0-9])(?![0-9])")
REUSE_DAYS = 60      # a core comes back only this long after (the event window is 31)
REPORTS_PER_EVENT = 3.2

# How reports name an event's person: a title the mention finder knows as
# a cue in every language, and a reporting verb; {t} title, {n} name.
TITLES = {
    "en": ("President", "Minister", "Governor", "Mayor", "Senator", "Ambassador"),
    "de": ("Präsident", "Ministerin", "Sprecher", "Kanzler"),
    "fr": ("Le président", "Le ministre", "Le porte-parole", "L'ambassadeur"),
    "es": ("El presidente", "El ministro", "El portavoz", "El embajador"),
    "it": ("Il presidente", "Il ministro", "Il portavoce", "Il cancelliere"),
    "pl": ("Prezydent", "Rzecznik", "Szef", "Minister"),
    "tr": ("Cumhurbaşkanı", "Bakan", "Başbakan"),
    "ru": ("Президент", "Министр", "Губернатор", "Посол"),
    "ar": ("الرئيس", "الوزير", "السفير", "الشيخ"),
    "zh": ("总统", "部长", "发言人", "总理"),
    "vi": ("Tổng thống", "Bộ trưởng", "Thủ tướng"),
}
SAID = {
    "en": "{t} {n} said: ", "de": "{t} {n} sagte: ", "fr": "{t} {n} a déclaré : ",
    "es": "{t} {n} dijo: ", "it": "{t} {n} ha detto: ", "pl": "{t} {n} powiedział: ",
    "tr": "{t} {n} şunları söyledi: ", "ru": "{t} {n} заявил: ", "ar": "قال {t} {n}: ",
    "zh": "{t}{n}表示：", "vi": "{t} {n} cho biết: ",
}
AGAIN = {
    "en": "{n} added: ", "de": "{n} fügte hinzu: ", "fr": "{n} a ajouté : ", "es": "{n} añadió: ",
    "it": "{n} ha aggiunto: ", "pl": "{n} dodał: ", "tr": "{n} ekledi: ", "ru": "{n} добавил: ",
    "ar": "وأضاف {n}: ", "zh": "{n}补充说：", "vi": "{n} nói thêm: ",
}


def paragraphs(text):
    """Real paragraphs of one article: line or double-space breaks, pieces
    merged up to ~200 bytes, long ones cut at sentence ends near 700."""
    pieces = [p.strip() for p in re.split(r"\n+|\s{2,}", text) if p.strip()]
    out, cur = [], ""
    for p in pieces:
        cur = (cur + " " + p).strip() if cur else p
        if len(cur) < 200:
            continue
        while len(cur) > 900:
            sents = SENT_END.split(cur)
            acc = ""
            while sents and len(acc) < 500:
                acc = (acc + " " + sents.pop(0)).strip()
            if not sents:
                break
            out.append(acc)
            cur = " ".join(sents)
        out.append(cur)
        cur = ""
    if cur:
        if out and len(cur) < 80:
            out[-1] += " " + cur
        else:
            out.append(cur)
    return out


def load_sources(data, seeds):
    """Cores, each a list of (lang, [paragraphs]) articles about one real
    happening: the articles that human judges rated as reporting the same
    or nearly the same event (news-similarity pairs, overall <= SAME_PAIR)
    are joined into one core, every other article is a core alone.  An
    article that stands in several pairs is taken once."""
    arts, key_of = [], {}
    parent = []

    def node(lang, text):
        ps = paragraphs(text)
        if not ps:
            return None
        k = ps[0][:200]
        if k not in key_of:
            key_of[k] = len(arts)
            arts.append((lang, ps))
            parent.append(len(parent))
        return key_of[k]

    def root(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    path = os.path.join(data, "news-similarity", "pairs.dev.jsonl")
    with open(path, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            a = node(r["lang1"], r["text1"])
            b = node(r["lang2"], r["text2"])
            if a is not None and b is not None and r.get("overall", 4) <= SAME_PAIR:
                parent[root(a)] = root(b)
    gt = os.path.join(data, "article-extraction", "ground-truth.json")
    if os.path.exists(gt):
        with open(gt, encoding="utf-8") as f:
            for key in sorted(json.load(f).items()):
                body = key[1].get("articleBody") or ""
                if body and sum(c.isascii() for c in body) > 0.9 * len(body):
                    node("en", body)
    if seeds and os.path.isdir(seeds):
        lang_of = {"000": "vi", "001": "vi", "002": "ar", "003": "ar", "004": "en"}
        for name in sorted(os.listdir(seeds)):
            with open(os.path.join(seeds, name), encoding="utf-8") as f:
                node(lang_of.get(name[:3], "en"), f.read())
    groups = {}
    for i in range(len(arts)):
        groups.setdefault(root(i), []).append(arts[i])
    return arts, [groups[k] for k in sorted(groups)]


def load_names(data):
    """Real given/family name tokens with their Arabic and Russian forms."""
    forms = {}
    for script, fname in (("ar", "latin-arabic.dev.tsv"), ("ru", "latin-russian.dev.tsv")):
        path = os.path.join(data, "names", fname)
        with open(path, encoding="utf-8") as f:
            next(f)
            for line in f:
                parts = line.rstrip("\n").split("\t")
                if len(parts) != 2:
                    continue
                lat, nat = parts
                if not re.fullmatch(r"[a-z]{3,12}", lat) or '"' in nat or " " in nat or not nat:
                    continue
                forms.setdefault(lat, {})[script] = nat
    return sorted(forms.items())


class Corpus:
    def __init__(self, args):
        self.rng = random.Random(args.seed)
        self.articles, self.cores = load_sources(args.data, args.seeds)
        self.names = load_names(args.data)
        self.by_lang = {}
        for lang, ps in self.articles:
            self.by_lang.setdefault(lang, []).extend(ps)
        for lang in self.by_lang:
            self.by_lang[lang].sort()
        self.nevent = 0
        self.rng.shuffle(self.cores)

    def person(self):
        rng = self.rng
        given = self.names[rng.randrange(len(self.names))]
        family = self.names[rng.randrange(len(self.names))]
        out = {"lat": given[0].capitalize() + " " + family[0].capitalize()}
        for s in ("ar", "ru"):
            g, f = given[1].get(s), family[1].get(s)
            if g and f:
                out[s] = (g.capitalize() + " " + f.capitalize()) if s == "ru" else g + " " + f
        return out

    def new_event(self, day):
        rng = self.rng
        self.nevent += 1
        sides = self.cores[(self.nevent - 1) % len(self.cores)]
        people = [(self.person(), rng.randrange(1 << 16)) for _ in range(rng.choice((1, 1, 2)))]
        nrep = 1
        while nrep < 12 and rng.random() < 0.7:
            nrep += 1
        return {"id": self.nevent, "day": day, "sides": sides, "people": people, "left": nrep}

    def name_in(self, person, lang):
        return person.get(lang) or person["lat"]

    def name(self, person, lang, short=False):
        name = person.get(lang) or person["lat"]
        return name.split(" ")[-1] if short and lang != "zh" else name

    def attribute(self, text, person, pick, lang, again=False):
        """The paragraph as said by the person: "President X said: ..."
        (or "X added: ..." with the family name, for a second mention)."""
        titles = TITLES.get(lang, TITLES["en"])
        if again:
            return AGAIN.get(lang, AGAIN["en"]).format(n=self.name(person, lang, True)) + text
        return SAID.get(lang, SAID["en"]).format(t=titles[pick % len(titles)],
                                                 n=self.name(person, lang)) + text

    def report(self, ev, seq):
        rng = self.rng
        lang, core = rng.choice(ev["sides"])
        ps = list(core)
        if len(ps) > 2:
            ps = rng.sample(ps, max(2, len(ps) - rng.randrange(2)))
            ps.sort(key=core.index)
        first = SENT_END.split(ps[0])[0]
        title = first if len(first) <= 160 else first[:160].rsplit(" ", 1)[0]
        # the first paragraph opens with the headline: people are named
        # from the second on (in the first after the headline when it is
        # the only one), and once more further down
        for k, (person, pick) in enumerate(ev["people"]):
            i = min(k + 1, len(ps) - 1)
            ps[i] = self.attribute(ps[i], person, pick, lang)
            if len(ps) > i + 1:
                j = rng.randrange(i + 1, len(ps))
                ps[j] = self.attribute(ps[j], person, pick, lang, again=True)
        pool = self.by_lang[lang]
        # a short core gets at least one other paragraph: reports of one
        # event are rewrites, not copies
        for _ in range(rng.choice((0, 1, 1, 2) if len(core) > 2 else (1, 1, 2))):
            ps.insert(rng.randrange(1, len(ps) + 1), pool[rng.randrange(len(pool))])
        day = ev["day"] + min(rng.randrange(4), rng.randrange(4))
        when = datetime.datetime.combine(self.start + datetime.timedelta(days=day), datetime.time()) + \
            datetime.timedelta(seconds=rng.randrange(86400))
        # the texts' own years move with the event: a report of 2009 that
        # speaks of 2020 would sit beside every other such text in time
        shift = (self.start + datetime.timedelta(days=ev["day"])).year - SOURCE_YEAR

        def move(z):
            return YEAR.sub(lambda m: str(int(m.group(1)) + shift), z) if shift else z
        return {
            "id": "gen-%07d-%d" % (ev["id"], seq),
            "lang": lang,
            "title": move(title),
            "text": move("\n\n".join(ps)),
            "published": when.strftime("%Y-%m-%dT%H:%M:%SZ"),
        }, when

    def stream(self, n, out):
        """n reports in publication order: events start at a steady pace
        over the span and each report waits in a heap until its day."""
        rng = self.rng
        events = n / REPORTS_PER_EVENT
        span = max(MIN_SPAN_DAYS, int(events * REUSE_DAYS / len(self.cores)) + 1)
        self.start = END - datetime.timedelta(days=span)
        per_day = events / span
        heap, pushed, written, day = [], 0, 0, 0
        while written < n:
            if pushed < n:
                k = int(per_day) + (rng.random() < per_day % 1)
                for _ in range(k):
                    ev = self.new_event(day)
                    for seq in range(ev["left"]):
                        rec, when = self.report(ev, seq)
                        heapq.heappush(heap, (rec["published"], rec["id"], rec))
                        pushed += 1
            elif not heap:
                break
            day += 1
            horizon = (self.start + datetime.timedelta(days=day)).isoformat()
            while heap and written < n and (heap[0][0] < horizon or pushed >= n):
                out.write(json.dumps(heapq.heappop(heap)[2], ensure_ascii=False) + "\n")
                written += 1


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    shared = os.path.normpath(os.path.join(here, "..", "..", "shared"))
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int, help="documents to write")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--data", default=os.environ.get("SL_DATA", os.path.join(shared, "data")))
    ap.add_argument("--seeds", default=os.path.join(shared, "seeds"))
    args = ap.parse_args()
    out = open(sys.stdout.fileno(), "w", encoding="utf-8", buffering=1 << 20, closefd=False)
    Corpus(args).stream(args.n, out)
    out.flush()


if __name__ == "__main__":
    main()
