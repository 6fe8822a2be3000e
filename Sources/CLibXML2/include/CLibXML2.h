// CLibXML2: the only part of Normalize that sees libxml2's headers.
//
// libxml2's HTML parser (the one under lxml, and so under trafilatura) reads a page as browsers
// of its generation did: unclosed tags, stray end tags and misnested elements are repaired into a
// tree. Swift never walks libxml2's structures: `clx_html_flatten` parses UTF-8 bytes and writes
// the tree as a flat stream of events in a buffer of our own format, read by HTMLExtraction's
// `HTMLDocument`. The walk is iterative, so a page nested 100,000 levels deep costs no stack.
#ifndef CLIBXML2_H
#define CLIBXML2_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Event tags in the flattened stream. Every length is a little-endian uint32.
/// - 'O' element opened: name length, name (lower case), attribute count, then per attribute
///   name length, name, value length, value.
/// - 'C' element closed (no payload).
/// - 'T' text: length, UTF-8 bytes (CDATA included). The body of a `style` element or of a
///   `script` that is not JSON-LD (`type="application/ld+json"`) may be written empty: it is
///   passed over unread (libxml2 2.9 and 2.10), and no one reads it.
#define CLX_OPEN 'O'
#define CLX_CLOSE 'C'
#define CLX_TEXT 'T'

/// A buffer allocated by `clx_html_flatten`; free it with `clx_free`.
typedef struct clx_buffer {
  uint8_t *bytes;
  size_t length;
} clx_buffer;

/// Parses `length` bytes of UTF-8 HTML (the caller has decoded the page; the document's own
/// charset declarations are ignored) and fills `out` with the flattened tree.
/// At most `max_events` open and text events are written (the rest of the page is dropped).
/// Returns 0 on success, 1 when libxml2 built no document, 2 when memory ran out.
int clx_html_flatten(const uint8_t *utf8, size_t length, size_t max_events, clx_buffer *out);

/// Frees a buffer filled by `clx_html_flatten`.
void clx_free(clx_buffer *buffer);

/// The libxml2 version the library runs with, e.g. "20914".
const char *clx_version(void);

#ifdef __cplusplus
}
#endif

#endif
