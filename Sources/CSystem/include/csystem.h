#ifndef SITEGEN_CSYSTEM_H
#define SITEGEN_CSYSTEM_H

#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>

/// Atomically swaps two paths (Linux renameat2 with RENAME_EXCHANGE, macOS renamex_np with RENAME_SWAP).
/// Returns 0 on success, -1 with errno set otherwise (for example EINVAL
/// on a file system that cannot exchange, or ENOSYS elsewhere).
int sitegen_exchange_paths(const char *first, const char *second);

/// A file's modification time in nanoseconds since 1970 (st_mtim on Linux, st_mtimespec on macOS).
int64_t sitegen_modified_nanoseconds(const struct stat *info);

/// The first occurrence of `needle` in `haystack` (glibc memmem), or NULL.
const void *sitegen_find_bytes(const void *haystack, size_t haystack_length, const void *needle, size_t needle_length);

/// A per-thread bump allocator with the signatures cmark's `cmark_mem` wants. Memory it
/// hands out is valid until the calling thread calls `sitegen_arena_reset` or exits, or
/// until it is given to `sitegen_arena_free` or moved by `sitegen_arena_realloc`.
void *sitegen_arena_calloc(size_t count, size_t size);
void *sitegen_arena_realloc(void *pointer, size_t size);
void sitegen_arena_free(void *pointer);

/// Releases everything the calling thread's arena handed out, keeping one block for reuse
/// (at most 8 MB).
void sitegen_arena_reset(void);

#endif
