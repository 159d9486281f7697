/*
 * boilerplate — sentences that speak to the reader about the page instead
 * of reporting (stage 2, inside the cleaner): cookie and privacy consent
 * banners, newsletter and account sign-up, paywall notices.  Scraped
 * pages often carry them in the article's own lines, where the line rules
 * of clean.c cannot see them, and two reports from one site then share
 * a paragraph that says nothing about either story.
 */
#ifndef SL_BOILERPLATE_H
#define SL_BOILERPLATE_H

#include <stddef.h>

/* Copies line z[0..n) (UTF-8, no newline) into out (n + 1 bytes) without
 * its boilerplate sentences, the kept ones joined by one space, and
 * NUL-terminates it.  Returns the length written: n when nothing was
 * removed (out then holds the line as is), 0 when all of it was.  A
 * sentence is boilerplate when it addresses the reader ("we use", "click",
 * "subscribe", in each supported language) about the page's own business
 * (cookies, privacy policy, newsletter, password, advertising), or is the
 * page's legal line ("all rights reserved"); a sentence beside one, naming
 * one such thing or hardly a word, goes with it.  News about cookies or
 * privacy policies (no address to the reader) is kept, and so are a
 * headline glued before a banner and a story's sentence before a
 * copyright line.  Thread-safe. */
size_t sl_boilerplate_strip(const char *z, size_t n, char *out);

#endif
