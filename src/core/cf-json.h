/* cf-json.h
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/**
 * CfJsonSpan:
 * @offset: where a value starts in its document, in bytes
 * @length: its length in bytes
 */
typedef struct
{
  gsize offset;
  gsize length;
} CfJsonSpan;

gboolean  cf_json_check       (const char    *data,
                               gsize          length,
                               guint          max_depth,
                               GError       **error);
JsonNode *cf_json_parse       (const char    *data,
                               gsize          length,
                               guint          max_depth,
                               GError       **error);
JsonNode *cf_json_parse_deferring (const char  *data,
                                    gsize        length,
                                    guint        max_depth,
                                    const char  *member,
                                    GArray     **spans,
                                    GError     **error);
JsonNode *cf_json_parse_span  (const char       *data,
                               const CfJsonSpan *span);
char     *cf_json_write       (JsonNode      *root,
                               gboolean       pretty);
char     *cf_read_text_stream (GInputStream  *stream,
                               gsize          max_bytes,
                               gsize         *length,
                               GError       **error);
char     *cf_read_text_file   (GFile         *file,
                               gsize          max_bytes,
                               gsize         *length,
                               GError       **error);

G_END_DECLS
