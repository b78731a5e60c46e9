#ifndef SITEGEN_CSYSTEM_H
#define SITEGEN_CSYSTEM_H

#include <stddef.h>

/// Atomically swaps two paths (Linux renameat2 with RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set otherwise (for example EINVAL
/// on a file system that cannot exchange, or ENOSYS elsewhere).
int sitegen_exchange_paths(const char *first, const char *second);

/// The first occurrence of `needle` in `haystack` (glibc memmem), or NULL.
const void *sitegen_find_bytes(const void *haystack, size_t haystack_length, const void *needle, size_t needle_length);

#endif
