/*
 * boilerplate — reader-addressed sentences out of a line (see boilerplate.h).
 *
 * The line is searched, in any case, for two kinds of cue at the start of
 * a word (anywhere in CJK): ACTION, the page speaking to its reader or of
 * itself ("we use", "click", "subscribe", "our website"),
 * and TOPIC, the page's own business (cookie, privacy, newsletter,
 * password, advertising, "all rights reserved").  Only a line with an
 * action and a topic is split into sentences, by ICU's sentence break
 * iterator; the rule of boilerplate.h is then applied to each sentence.
 */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/utext.h>

#include "analyze/normalize.h"
#include "clean/boilerplate.h"

/* Cues in lower case.  Stems where the language inflects (witryn, reklam,
 * przetwarzani); none short enough to hide inside ordinary words. */
static const char *const ACTION[] = {
  /* en */ "we use", "we collect", "our website", "our site", "our partners", "our services",
  "subscribe", "sign up", "log in", "registered users", "register now", "enter your", "your browser",
  "your account", "you agree", "you consent", "accept", /* acceptez, accepter */
  "follow ", "like us", "tap here", "we are sorry", "we suspect", "we apologize", "przykro nam",
  "podejrzewamy", "zaznacz",
  /* de */ "wir verwenden", "verwenden wir", "sammeln wir", "wir nutzen", "unserer website",
  "unsere website", "unserer webseite", "unserer partner", "klicken", "abonnieren", "anmelden", "folgen sie",
  "akzeptieren", "stimmen sie", "ihr browser", "ihre einwilligung",
  /* fr */ "nous utilisons", "notre site", "nos partenaires", "cliquez", "cliquant", "abonnez",
  "inscrivez", "votre navigateur",
  /* es */ "utilizamos", "usamos cookies", "nuestro sitio", "nuestra web", "nuestros socios", "clic",
  "suscríbete", "regístrate", "aceptar", "su navegador", "tu navegador", /* clic: click */
  /* it */ "utilizziamo", "il nostro sito", "nostri partner", "clicca", "iscriviti", "accetta",
  "il tuo browser",
  /* pl */ "zbieramy", "używamy", "naszej witryny", "naszych partnerów", "klikając", "kliknij",
  "zaakceptuj", "akceptuj", "zapisz się", "zaloguj",
  /* ru */ "мы используем", "нашего сайта", "наш сайт", "нажмите", "нажимая", "подпишитесь",
  "подписаться", "войдите", "зарегистрируйтесь", "вы соглашаетесь",
  /* tr */ "kullanıyoruz", "sitemiz", "tıklayın", "tıklayarak", "abone ol", "kabul et", "üye ol",
  /* ar */ "نستخدم", "موقعنا", "اضغط", "انقر", "اشترك", "ادعمنا",
  /* zh */ "我们使用", "本网站", "点击", "订阅", "登录", "注册",
  NULL};

static const char *const TOPIC[] = {
  /* en */ "cookie", "privacy", "copyright", "personal data", "personal information", "newsletter", "password",
  "email address", "e-mail address", "advertis", "terms of use", "terms of service",
  "free trial", "javascript", "spam", "ip address", "captcha", "not a robot",
  /* de */ "datenschutz", "personenbezogen", "persönlichen informationen", "passwort",
  "e-mail-adresse", "werbung", "nutzungsbedingungen", 
  /* fr */ "confidentialité", "données personnelles", "mot de passe", "adresse e-mail",
  "adresse email", "publicité", "conditions d'utilisation", 
  /* es */ "privacidad", "datos personales", "boletín", "contraseña", "correo electrónico",
  "publicidad", "términos y condiciones", 
  /* it */ "dati personali", "pubblicità", "termini e condizioni", 
  /* pl */ "prywatności", "danych osobowych", "adresu ip", "adres ip", "robotem", "dane osobowe", "przetwarzani", "reklam", "witryn",
  "hasło", "logowania", "zgodę na",
  /* ru */ "конфиденциальност", "персональных данных", "рассылк", "пароль", "электронной почты",
  "реклам", "условиями использования",
  /* tr */ "gizlilik", "çerez", "kişisel veri", "bülten", "şifre", "e-posta", 
  "kullanım koşulları",
  /* ar */ "الخصوصية", "ملفات تعريف الارتباط", "الكوكيز", "النشرة البريدية", "كلمة المرور",
  "البريد الإلكتروني", "البريد الالكتروني", "للموقع",
  /* zh */ "隐私", "个人信息", "密码", "邮箱", "广告",
  NULL};

/* Cues that make a sentence boilerplate alone: the page's legal line, and
 * a request to turn off an ad blocker. */
static const char *const STRONG[] = {
  "all rights reserved", "may not be published, broadcast", "alle rechte vorbehalten",
  "tous droits réservés", "todos los derechos reservados", "tutti i diritti riservati",
  "wszelkie prawa zastrzeżone", "все права защищены", "tüm hakları saklıdır", "جميع الحقوق محفوظة",
  "版权所有", "adblock", "ad blocker", "ad-blocker", "ublock", "广告拦截", NULL};

/* Platforms a page asks to be followed on: one topic however many are
 * named (news names them too: "said on Twitter and Facebook"). */
static const char *const SOCIAL[] = {"twitter", "facebook", "instagram", "youtube", "telegram", "tiktok", NULL};

#define COUNT(list) (sizeof list / sizeof *list - 1)
#define NACTION COUNT(ACTION)
#define NTOPIC COUNT(TOPIC)
#define NSTRONG COUNT(STRONG)
#define NCUES (NACTION + NTOPIC + NSTRONG + COUNT(SOCIAL))

/* The cues by their first three bytes: cue i (see cue()) is one of
 * ix[first[h]..first[h + 1]) for h = bucket(its bytes), so that where no
 * cue starts one lookup says so. */
#define NBUCKETS 1024
typedef struct cue_ix {
  const char *z;
  uint16_t id;
  uint8_t n;
} cue_ix;
static uint16_t first[NBUCKETS + 1];
static cue_ix ix[NCUES];
static pthread_once_t index_once = PTHREAD_ONCE_INIT;

/* Cue i: ACTION, then TOPIC, STRONG and SOCIAL. */
static const char *cue(size_t i) {
  if (i < NACTION)
    return ACTION[i];
  if ((i -= NACTION) < NTOPIC)
    return TOPIC[i];
  if ((i -= NTOPIC) < NSTRONG)
    return STRONG[i];
  return SOCIAL[i - NSTRONG];
}

static unsigned bucket(const char *z) {
  unsigned h = ((unsigned)(unsigned char)z[0] * 37u ^ (unsigned char)z[1]) * 37u ^ (unsigned char)z[2];
  return h & (NBUCKETS - 1);
}

/* Bytes after which a cue may start: ASCII that is not part of a word.
 * In CJK, where words have no spaces between them, a cue may start at
 * any character (lead bytes 0xE3..0xE9). */
static uint8_t sep[256];

static void index_seps(void) {
  for (int b = 0; b < 0x80; b++)
    sep[b] = !((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') || b == '-' || b == '@');
}

static void index_cues(void) {
  index_seps();
  for (size_t i = 0; i < NCUES; i++)
    first[bucket(cue(i)) + 1]++;
  for (int b = 0; b < NBUCKETS; b++)
    first[b + 1] = (uint16_t)(first[b + 1] + first[b]);
  uint16_t fill[NBUCKETS];
  memcpy(fill, first, sizeof fill);
  for (size_t i = 0; i < NCUES; i++) {
    const char *q = cue(i);
    cue_ix *e = &ix[fill[bucket(q)]++];
    e->z = q;
    e->id = (uint16_t)i;
    e->n = (uint8_t)strlen(q);
  }
}

/* Length of the UTF-8 character led by byte c (1 for a stray byte). */
static size_t char_len(unsigned char c) { return c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4; }

/* 1 when cue q starts at z[i] of z[0..n), read in lower case: the first
 * character as sl_lower_simple lowers it (Latin, Cyrillic: same byte
 * length), then ASCII letters lowered, other bytes as they are. */
static int cue_at(const char *z, size_t n, size_t i, const char *first_low, size_t fl, const cue_ix *q) {
  size_t m = q->n;
  if (m > n - i || fl > m || memcmp(q->z, first_low, fl) != 0)
    return 0;
  for (size_t k = fl; k < m; k++) {
    char c = z[i + k];
    if ((c >= 'A' && c <= 'Z' ? c + 32 : c) != q->z[k])
      return 0;
  }
  return 1;
}

/* The distinct action and topic cues in z[0..n), any case; *from and *to
 * (when not NULL) get where the first cue starts and the word of the last
 * ends.  The text is not lowered as a whole: a cue starts a word, so only
 * a word's first character needs more than ASCII lowering. */
static void count_cues(const char *z, size_t n, int *action, int *topic, size_t *from, size_t *to) {
  uint8_t seen[NCUES];
  int social = 0;
  memset(seen, 0, sizeof seen);
  *action = *topic = 0;
  int after_sep = 1; /* the text starts a word */
  for (size_t i = 0; i + 2 < n; i++) { /* every cue has three bytes or more */
    unsigned char c = (unsigned char)z[i];
    int at = after_sep || (c >= 0xE3 && c <= 0xE9);
    after_sep = sep[c];
    if (!at || (c >= 0x80 && c < 0xC0))
      continue;
    /* the first character lowered (sl_lower_simple: same byte length),
     * then ASCII letters, enough for the bucket's three bytes */
    char low[8];
    size_t fl = char_len(c);
    if (fl > n - i)
      continue;
    if (c < 0x80)
      low[0] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    else if (c >= 0xE0 || sl_lower_simple(z + i, fl, low, sizeof low) != fl)
      memcpy(low, z + i, fl); /* CJK has no case */
    for (size_t k = fl; k < 3; k++)
      low[k] = (char)(z[i + k] >= 'A' && z[i + k] <= 'Z' ? z[i + k] + 32 : z[i + k]);
    unsigned h = bucket(low);
    for (size_t k = first[h]; k < first[h + 1]; k++) {
      const cue_ix *q = &ix[k];
      size_t ci = q->id, m = q->n;
      if (seen[ci] || !cue_at(z, n, i, low, fl, q))
        continue;
      seen[ci] = 1;
      int first_cue = *action + *topic == 0;
      if (ci < NACTION)
        ++*action;
      else if (ci < NACTION + NTOPIC)
        ++*topic;
      else if (ci < NACTION + NTOPIC + NSTRONG)
        ++*action, ++*topic;
      else if (!social++)
        ++*topic;
      else
        continue;
      if (from && first_cue)
        *from = i;
      if (to) {
        size_t e = i + m;
        while (e < n && z[e] != ' ' && (unsigned char)z[e] < 0x80 && z[e] != '.' && z[e] != ',')
          e++;
        if (e > *to || first_cue)
          *to = e;
      }
    }
  }
}

/* Words in z[0..n), a CJK character counting as half of one. */
static double words(const char *z, size_t n) {
  double w = 0;
  int in = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)z[i];
    if (c >= 0xE3 && c <= 0xE9)
      w += 0.5;
    if (c == ' ' || c == '\t')
      in = 0;
    else if (!in)
      in = 1, w += c < 0x80 || (c >= 0xC0 && c < 0xE3);
  }
  return w;
}

/* One sentence: its byte range and what it names. */
typedef struct sentence {
  size_t start, end;
  size_t from, to; /* the cues' span, from the first to the last */
  int action, topic;
  int seed; /* boilerplate by its own cues */
  int drop; /* boilerplate, by its own cues or its neighbours' */
} sentence;

#define MAX_SENTENCES 512

/* Splits z[0..n) into sentences with ICU; returns the count (0 on an ICU
 * failure: then nothing is removed). */
static size_t split(const char *z, size_t n, sentence *s, size_t cap) {
  UErrorCode st = U_ZERO_ERROR;
  UText *ut = utext_openUTF8(NULL, z, (int64_t)n, &st);
  UBreakIterator *bi = ubrk_open(UBRK_SENTENCE, "", NULL, 0, &st);
  size_t ns = 0;
  if (U_SUCCESS(st))
    ubrk_setUText(bi, ut, &st);
  if (U_SUCCESS(st)) {
    int32_t a = ubrk_first(bi), b;
    while ((b = ubrk_next(bi)) != UBRK_DONE && ns < cap) {
      s[ns].start = (size_t)a;
      s[ns].end = (size_t)b;
      ns++;
      a = b;
    }
    if (b != UBRK_DONE) /* too many: the rest is one piece */
      s[ns - 1].end = n;
  }
  ubrk_close(bi);
  utext_close(ut);
  return U_SUCCESS(st) ? ns : 0;
}

/* What is kept of a line: out[0..o), whose last piece ended at z[last]. */
typedef struct kept {
  char *out;
  size_t o, last;
} kept;

/* Appends z[a..b), blanks trimmed, to k: after one space when something
 * was left out between it and the last piece, else as the line had it
 * ("said.The"), so that the kept text is never longer than the line. */
static void append(kept *k, const char *z, size_t a, size_t b) {
  while (a < b && (z[a] == ' ' || z[a] == '\t'))
    a++;
  while (b > a && (z[b - 1] == ' ' || z[b - 1] == '\t'))
    b--;
  if (a == b)
    return;
  if (k->o && a > k->last)
    k->out[k->o++] = ' ';
  memcpy(k->out + k->o, z + a, b - a);
  k->o += b - a;
  k->last = b;
}

/* 1 when action and topic cues, counted in a sentence, make it
 * boilerplate (in a line: may make some of its sentences so).  Topics
 * alone do not: news about privacy law names cookies, personal data and
 * Facebook in one sentence. */
static int boilerplate(int action, int topic) { return action && topic; }

size_t sl_boilerplate_strip(const char *z, size_t n, char *out) {
  sentence *s = NULL;
  size_t ns = 0;
  kept k = {out, 0, 0};
  int a, t;
  pthread_once(&index_once, index_cues);
  count_cues(z, n, &a, &t, NULL, NULL);
  if (boilerplate(a, t))
    s = malloc(MAX_SENTENCES * sizeof *s);
  if (s)
    ns = split(z, n, s, MAX_SENTENCES);
  for (size_t i = 0; i < ns; i++) {
    s[i].from = s[i].to = 0;
    count_cues(z + s[i].start, s[i].end - s[i].start, &s[i].action, &s[i].topic, &s[i].from, &s[i].to);
    s[i].from += s[i].start;
    s[i].to += s[i].start;
    s[i].drop = s[i].seed = boilerplate(s[i].action, s[i].topic);
  }
  /* a banner runs over several sentences: a neighbour naming one cue or
   * hardly a word (a form's list of characters), or a sentence between
   * two dropped ones, goes with it */
  for (int changed = 1; changed;) {
    changed = 0;
    for (size_t i = 0; i < ns; i++) {
      if (s[i].drop)
        continue;
      int before = i > 0 && s[i - 1].drop, after = i + 1 < ns && s[i + 1].drop;
      int weak = s[i].action + s[i].topic > 0 || words(z + s[i].start, s[i].end - s[i].start) < 2;
      if (((before || after) && weak) || (before && after)) {
        s[i].drop = 1;
        changed = 1;
      }
    }
  }
  int removed = 0;
  for (size_t i = 0; i < ns; i++)
    removed |= s[i].drop;
  if (!removed) {
    memcpy(out, z, n);
    out[n] = 0;
    free(s);
    return n;
  }
  for (size_t i = 0; i < ns; i++) {
    if (!s[i].drop) {
      append(&k, z, s[i].start, s[i].end);
      continue;
    }
    /* flattened pages glue the headline before a banner and the story's
     * first sentence after it, and a sentence of the story before a
     * copyright line: those stay */
    if (i == 0 && s[i].action + s[i].topic && words(z, s[i].from) >= 3) {
      append(&k, z, 0, s[i].from);
      if (words(z + s[i].to, s[i].end - s[i].to) >= 8)
        append(&k, z, s[i].to, s[i].end);
    } else if (s[i].seed && words(z + s[i].start, s[i].from - s[i].start) >= 8) {
      append(&k, z, s[i].start, s[i].from);
    }
  }
  out[k.o] = 0;
  free(s);
  return k.o;
}
