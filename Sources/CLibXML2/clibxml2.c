// CLibXML2: libxml2's HTML parser behind a flat event stream (see include/CLibXML2.h).
//
// The parser runs in SAX mode: libxml2 tokenizes the page and repairs its structure (implied
// and misnested end tags, elements that cannot nest) with its own stack of open elements and
// calls back for each start tag, end tag and run of text, which are written straight into the
// buffer. No libxml2 tree is built: that saves its memory and its depth limit (the tree
// builder stops at 256 levels, 2048 with XML_PARSE_HUGE, and drops the rest of the page),
// so a page nested 100,000 levels deep is read whole.
#include "CLibXML2.h"

#include <libxml/HTMLparser.h>
#include <libxml/encoding.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlversion.h>
#include <stdlib.h>
#include <string.h>

typedef struct writer {
  uint8_t *bytes;
  size_t length;
  size_t capacity;
  int failed;
  size_t events;
  size_t max_events;
  /// Where the length of the text event being written sits, or SIZE_MAX after another event.
  size_t open_text;
  htmlParserCtxtPtr context;
} writer;

static void reserve(writer *w, size_t more) {
  if (w->failed || w->length + more <= w->capacity) return;
  size_t capacity = w->capacity ? w->capacity : 4096;
  while (capacity < w->length + more) capacity *= 2;
  uint8_t *grown = realloc(w->bytes, capacity);
  if (!grown) {
    w->failed = 1;
    return;
  }
  w->bytes = grown;
  w->capacity = capacity;
}

static void put_byte(writer *w, uint8_t byte) {
  reserve(w, 1);
  if (w->failed) return;
  w->bytes[w->length++] = byte;
}

static void put_u32(writer *w, uint32_t value) {
  reserve(w, 4);
  if (w->failed) return;
  for (int i = 0; i < 4; i++) w->bytes[w->length++] = (uint8_t)(value >> (8 * i));
}

static void set_u32(writer *w, size_t at, uint32_t value) {
  for (int i = 0; i < 4; i++) w->bytes[at + i] = (uint8_t)(value >> (8 * i));
}

static void put_bytes(writer *w, const xmlChar *text, size_t length) {
  reserve(w, length);
  if (w->failed || length == 0) return;
  memcpy(w->bytes + w->length, text, length);
  w->length += length;
}

/// Names and attribute names in ASCII lower case (libxml2 lowercases HTML names already; this
/// keeps the promise for what it does not know).
static void put_name(writer *w, const xmlChar *name) {
  size_t length = name ? strlen((const char *)name) : 0;
  put_u32(w, (uint32_t)length);
  size_t start = w->length;
  put_bytes(w, name, length);
  if (w->failed) return;
  for (size_t i = start; i < w->length; i++) {
    uint8_t byte = w->bytes[i];
    if (byte >= 'A' && byte <= 'Z') w->bytes[i] = byte + 32;
  }
}

static void put_string(writer *w, const xmlChar *text) {
  size_t length = text ? strlen((const char *)text) : 0;
  if (length > UINT32_MAX) length = UINT32_MAX;
  put_u32(w, (uint32_t)length);
  put_bytes(w, text, length);
}

/// Counts an event; past the limit (or out of memory) the parser is stopped.
static int admit(writer *w) {
  if (w->failed || w->events >= w->max_events) {
    xmlStopParser(w->context);
    return 0;
  }
  w->events++;
  return 1;
}

static uint8_t ascii_lower(uint8_t byte) { return byte >= 'A' && byte <= 'Z' ? byte + 32 : byte; }

/// Whether the first `length` bytes of `a` and `b` match, ASCII letters in any case (as
/// libxml2's `xmlStrncasecmp`; a NUL in either ends the comparison).
static int ascii_case_equal(const xmlChar *a, const xmlChar *b, size_t length) {
  for (size_t i = 0; i < length; i++) {
    if (ascii_lower(a[i]) != ascii_lower(b[i])) return 0;
    if (a[i] == 0) return 1;
  }
  return 1;
}

/// Whether the page's `script` element with these attributes holds JSON-LD, the one script body
/// HTMLDocument reads (`type="application/ld+json"` in any ASCII case; the first `type` counts).
static int is_linked_data(const xmlChar **attributes) {
  static const char wanted[] = "application/ld+json";
  for (const xmlChar **a = attributes; a && a[0]; a += 2) {
    if (strlen((const char *)a[0]) != 4 || !ascii_case_equal(a[0], (const xmlChar *)"type", 4)) continue;
    const xmlChar *value = a[1];
    if (!value) return 0;
    for (size_t i = 0; value[i]; i++) {
      // A value outside ASCII is left to the parser (HTMLDocument lowercases it in full).
      if (value[i] >= 0x80) return 1;
    }
    return strlen((const char *)value) == sizeof wanted - 1 &&
           ascii_case_equal(value, (const xmlChar *)wanted, sizeof wanted - 1);
  }
  return 0;
}

/// The bytes of one UTF-8 character at `p` (before `end`) when it is well formed (shortest form,
/// no surrogate, at most U+10FFFF), else 0; its scalar value in `*value`.
static size_t utf8_length(const xmlChar *p, const xmlChar *end, uint32_t *value) {
  uint8_t lead = p[0];
  size_t length;
  uint32_t scalar;
  if (lead < 0x80) {
    *value = lead;
    return 1;
  } else if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
    scalar = lead & 0x1F;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    scalar = lead & 0x0F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    scalar = lead & 0x07;
  } else {
    return 0;
  }
  if ((size_t)(end - p) < length) return 0;
  for (size_t i = 1; i < length; i++) {
    if ((p[i] & 0xC0) != 0x80) return 0;
    scalar = scalar << 6 | (p[i] & 0x3F);
  }
  if ((length == 3 && (scalar < 0x800 || (scalar >= 0xD800 && scalar <= 0xDFFF))) ||
      (length == 4 && (scalar < 0x10000 || scalar > 0x10FFFF)))
    return 0;
  *value = scalar;
  return length;
}

/// Passes over the body of a `script` or `style` element that no one reads (HTMLDocument keeps
/// only JSON-LD), instead of libxml2 reading it one character at a time (`htmlParseScript`,
/// about a sixth of a news page's parse). Called when the start tag has been read, with the
/// input at its `>`; the body runs to the first `</` followed by the element's name in any case,
/// the end libxml2's recovering parser gives it. The input then stands on a `>` right before that
/// end tag, as after an empty element, and one empty text event stands for the body
/// (HTMLDocument keeps an empty text node for it), written only when libxml2 would have
/// delivered some of it (a character XML allows).
///
/// Every case where libxml2 could read the body otherwise is left to it: a body that starts
/// with a tag or end tag (the content loop looks at those first), a NUL byte, UTF-8 that is not
/// well formed, an end tag not in the buffer. libxml2 2.9 and 2.10 only: their memory parser reads
/// from a buffer of its own (the input was converted into it), which may be written.
static void skip_raw_body(writer *w, const xmlChar *name) {
#if LIBXML_VERSION >= 20900 && LIBXML_VERSION < 21100
  xmlParserInputPtr input = w->context->input;
  if (!input || !input->buf || !input->buf->encoder || !input->cur || !input->end) return;
  const xmlChar *tag = input->cur, *end = input->end;
  if (tag >= end || *tag != '>') return;
  const xmlChar *body = tag + 1;
  if (body >= end || body[0] == 0) return;
  if (body[0] == '<' && body + 1 < end &&
      (body[1] == '/' || body[1] == '_' || body[1] == ':' || (body[1] >= 'a' && body[1] <= 'z') ||
       (body[1] >= 'A' && body[1] <= 'Z')))
    return;
  size_t name_length = strlen((const char *)name);
  const xmlChar *close = body;
  for (;;) {
    close = memchr(close, '<', (size_t)(end - close));
    if (!close || (size_t)(end - close) < 2 + name_length) return;
    if (close[1] == '/' && ascii_case_equal(close + 2, name, name_length)) break;
    close++;
  }
  if (close == body) return;
  // The body must be well-formed UTF-8 without NUL; `delivers`: whether libxml2 would have
  // handed over a character of it (one XML allows).
  int delivers = 0;
  const xmlChar *p = body;
  while (p < close) {
    if (delivers && (size_t)(close - p) >= 8) {
      // Eight bytes at a time while they are ASCII and none is NUL.
      uint64_t word;
      memcpy(&word, p, 8);
      const uint64_t high = 0x8080808080808080ull, ones = 0x0101010101010101ull;
      if ((word & high) == 0 && ((word - ones) & ~word & high) == 0) {
        p += 8;
        continue;
      }
    }
    uint32_t scalar;
    size_t length = utf8_length(p, close, &scalar);
    if (length == 0 || scalar == 0) return;
    if (!delivers)
      delivers = scalar == 0x9 || scalar == 0xA || scalar == 0xD || (scalar >= 0x20 && scalar <= 0xD7FF) ||
                 (scalar >= 0xE000 && scalar <= 0xFFFD) || scalar >= 0x10000;
    p += length;
  }
  p = close;
  if (delivers) {
    // At the event limit libxml2 is left to stop where it would have stopped.
    if (w->failed || w->events >= w->max_events) return;
    admit(w);
    put_byte(w, CLX_TEXT);
    w->open_text = w->length;
    put_u32(w, 0);
  }
  xmlChar *before_end_tag = (xmlChar *)(p - 1);
  *before_end_tag = '>';
  input->cur = before_end_tag;
#else
  (void)w;
  (void)name;
#endif
}

static void on_start(void *context, const xmlChar *name, const xmlChar **attributes) {
  writer *w = ((htmlParserCtxtPtr)context)->_private;
  if (!admit(w)) return;
  w->open_text = SIZE_MAX;
  put_byte(w, CLX_OPEN);
  put_name(w, name);
  uint32_t count = 0;
  for (const xmlChar **a = attributes; a && a[0]; a += 2) count++;
  put_u32(w, count);
  for (const xmlChar **a = attributes; a && a[0]; a += 2) {
    put_name(w, a[0]);
    put_string(w, a[1]);  // NULL (a boolean attribute such as `hidden`) is written empty
  }
  if (w->failed || !name) return;
  if ((strcmp((const char *)name, "script") == 0 && !is_linked_data(attributes)) ||
      strcmp((const char *)name, "style") == 0)
    skip_raw_body(w, name);
}

static void on_end(void *context, const xmlChar *name) {
  (void)name;
  writer *w = ((htmlParserCtxtPtr)context)->_private;
  if (w->failed) return;
  w->open_text = SIZE_MAX;
  put_byte(w, CLX_CLOSE);
}

static void on_text(void *context, const xmlChar *text, int length) {
  writer *w = ((htmlParserCtxtPtr)context)->_private;
  if (w->failed || length <= 0) return;
  // Runs of text that libxml2 hands over in pieces become one event.
  if (w->open_text != SIZE_MAX) {
    size_t at = w->open_text;
    uint32_t previous = (uint32_t)(w->bytes[at] | w->bytes[at + 1] << 8 | w->bytes[at + 2] << 16 | (uint32_t)w->bytes[at + 3] << 24);
    if ((uint64_t)previous + (uint64_t)length > UINT32_MAX) return;
    put_bytes(w, text, (size_t)length);
    if (!w->failed) set_u32(w, at, previous + (uint32_t)length);
    return;
  }
  if (!admit(w)) return;
  put_byte(w, CLX_TEXT);
  w->open_text = w->length;
  put_u32(w, (uint32_t)length);
  put_bytes(w, text, (size_t)length);
}

int clx_html_flatten(const uint8_t *utf8, size_t length, size_t max_events, clx_buffer *out) {
  out->bytes = NULL;
  out->length = 0;
  if (length > INT32_MAX) return 1;
  htmlParserCtxtPtr context = htmlCreateMemoryParserCtxt((const char *)utf8, (int)length);
  if (!context) return 1;
  writer w = {0};
  w.max_events = max_events;
  w.open_text = SIZE_MAX;
  w.context = context;
  htmlSAXHandler handler;
  memset(&handler, 0, sizeof handler);
  handler.startElement = on_start;
  handler.endElement = on_end;
  handler.characters = on_text;
  handler.ignorableWhitespace = on_text;  // spaces between inline elements separate words
  handler.cdataBlock = on_text;           // script and style bodies
  if (context->sax) memcpy(context->sax, &handler, sizeof handler);
  context->_private = &w;
  context->userData = context;
  htmlCtxtUseOptions(context, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                                  HTML_PARSE_IGNORE_ENC | HTML_PARSE_NODEFDTD);
  // The caller decoded the page: the bytes are UTF-8 whatever the page declares.
  xmlCharEncodingHandlerPtr utf8Handler = xmlFindCharEncodingHandler("UTF-8");
  if (utf8Handler) xmlSwitchToEncoding(context, utf8Handler);
  htmlParseDocument(context);
  if (context->myDoc) xmlFreeDoc(context->myDoc);
  context->myDoc = NULL;
  htmlFreeParserCtxt(context);
  if (w.failed) {
    free(w.bytes);
    return 2;
  }
  out->bytes = w.bytes;
  out->length = w.length;
  return 0;
}

void clx_free(clx_buffer *buffer) {
  free(buffer->bytes);
  buffer->bytes = NULL;
  buffer->length = 0;
}

const char *clx_version(void) { return xmlParserVersion; }
