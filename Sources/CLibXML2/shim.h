// libxml2 as Debian builds it includes ICU's headers from <libxml/encoding.h>;
// those clash with the ICU copy inside Foundation. The project never touches the
// ICU-specific members of xmlCharEncodingHandler, so leave them out of the import.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlmemory.h>
