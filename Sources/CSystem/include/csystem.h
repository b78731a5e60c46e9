#ifndef SITEGEN_CSYSTEM_H
#define SITEGEN_CSYSTEM_H

/// Atomically swaps two paths (Linux renameat2 with RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set otherwise (for example EINVAL
/// on a file system that cannot exchange, or ENOSYS elsewhere).
int sitegen_exchange_paths(const char *first, const char *second);

#endif
