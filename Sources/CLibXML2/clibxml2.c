// CLibXML2: libxml2's HTML parser behind a flat event stream (see include/CLibXML2.h).
#include "CLibXML2.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlversion.h>
#include <stdlib.h>
#include <string.h>

typedef struct writer {
  uint8_t *bytes;
  size_t length;
  size_t capacity;
  int failed;
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

static void put_string(writer *w, const xmlChar *text) {
  size_t length = text ? strlen((const char *)text) : 0;
  if (length > UINT32_MAX) length = UINT32_MAX;
  put_u32(w, (uint32_t)length);
  reserve(w, length);
  if (w->failed || length == 0) return;
  memcpy(w->bytes + w->length, text, length);
  w->length += length;
}

static void put_lowercase(writer *w, const xmlChar *text) {
  size_t start = w->length + 4;
  put_string(w, text);
  if (w->failed) return;
  for (size_t i = start; i < w->length; i++) {
    uint8_t byte = w->bytes[i];
    if (byte >= 'A' && byte <= 'Z') w->bytes[i] = byte + 32;
  }
}

static void open_element(writer *w, xmlNodePtr node) {
  put_byte(w, CLX_OPEN);
  put_lowercase(w, node->name);
  uint32_t count = 0;
  for (xmlAttrPtr attribute = node->properties; attribute; attribute = attribute->next) count++;
  put_u32(w, count);
  for (xmlAttrPtr attribute = node->properties; attribute; attribute = attribute->next) {
    put_lowercase(w, attribute->name);
    // An attribute's value is its text children (one, in practice, for HTML).
    xmlChar *value = xmlNodeListGetString(node->doc, attribute->children, 1);
    put_string(w, value);
    if (value) xmlFree(value);
  }
}

int clx_html_flatten(const uint8_t *utf8, size_t length, size_t max_events, clx_buffer *out) {
  out->bytes = NULL;
  out->length = 0;
  if (length > INT32_MAX) return 1;
  int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                HTML_PARSE_NOBLANKS | HTML_PARSE_COMPACT | HTML_PARSE_IGNORE_ENC;
  htmlDocPtr document = htmlReadMemory((const char *)utf8, (int)length, NULL, "UTF-8", options);
  if (!document) return 1;
  writer w = {0};
  size_t events = 0;
  // Iterative depth-first walk over children / next / parent.
  xmlNodePtr node = document->children;
  while (node && events < max_events && !w.failed) {
    int descend = 0;
    switch (node->type) {
    case XML_ELEMENT_NODE:
      open_element(&w, node);
      events++;
      descend = node->children != NULL;
      if (!descend) put_byte(&w, CLX_CLOSE);
      break;
    case XML_TEXT_NODE:
    case XML_CDATA_SECTION_NODE:
      if (node->content && node->content[0]) {
        put_byte(&w, CLX_TEXT);
        put_string(&w, node->content);
        events++;
      }
      break;
    default:
      break;
    }
    if (descend) {
      node = node->children;
      continue;
    }
    // Up until a node with a next sibling, closing the elements left.
    while (node && !node->next) {
      node = node->parent;
      if (!node || node->type == XML_HTML_DOCUMENT_NODE || node->type == XML_DOCUMENT_NODE) {
        node = NULL;
        break;
      }
      put_byte(&w, CLX_CLOSE);
    }
    if (node) node = node->next;
  }
  xmlFreeDoc(document);
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
