// cairo draws the report and writes the PDF (embedding font subsets); pango lays out text in any script.
#include <cairo/cairo.h>
#include <cairo/cairo-pdf.h>
#include <pango/pangocairo.h>
