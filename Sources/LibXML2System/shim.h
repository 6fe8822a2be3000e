// The system libxml2 (Debian libxml2-dev), found through pkg-config's libxml-2.0; only
// CLibXML2 includes it.
#include <libxml/HTMLparser.h>
