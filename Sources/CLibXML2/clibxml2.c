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
