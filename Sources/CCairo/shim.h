#include <cairo.h>
#include <pango/pangocairo.h>
#include <png.h>
#include <zlib.h>
