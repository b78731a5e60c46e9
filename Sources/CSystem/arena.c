#include "csystem.h"
#include <pthread.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* A per-thread bump allocator for cmark: a parse allocates thousands of small nodes and
 * buffers and frees them all together, which in malloc costs more as the heap grows.
 * Here an allocation is a pointer bump, a free is nothing (or a step back for the
 * latest allocation), and sitegen_arena_reset drops everything at once. */

/* After a reset a thread keeps one block for the next document, unless the last one needed
 * more than KEPT_AT_MOST: then it starts again from FIRST_BLOCK (a long `sitegen serve`
 * should not hold one huge document's memory on every thread). */
enum { ALIGNMENT = 16, FIRST_BLOCK = 256 * 1024, KEPT_AT_MOST = 8 * 1024 * 1024 };

/* Every allocation is preceded by its size, padded to ALIGNMENT. */
typedef struct { size_t size; size_t padding; } header;

typedef struct block {
    struct block *previous;
    size_t capacity;
    size_t used;
    size_t padding;
    unsigned char data[];
} block;

_Static_assert(sizeof(header) % ALIGNMENT == 0, "allocations stay aligned after their header");
_Static_assert(offsetof(block, data) % ALIGNMENT == 0, "a block's data starts aligned");

static pthread_key_t arena_key;
static pthread_once_t arena_once = PTHREAD_ONCE_INIT;
static _Thread_local block *arena;
static _Thread_local size_t arena_total;

static void free_blocks(void *head) {
    for (block *current = head; current != NULL;) {
        block *previous = current->previous;
        free(current);
        current = previous;
    }
}

/* At thread exit: free the thread's blocks and forget them. */
static void release_thread_arena(void *head) {
    free_blocks(head);
    arena = NULL;
    arena_total = 0;
}

static void make_key(void) { pthread_key_create(&arena_key, release_thread_arena); }

static size_t rounded(size_t size) { return (size + ALIGNMENT - 1) & ~(size_t)(ALIGNMENT - 1); }

static block *new_block(size_t capacity) {
    block *fresh = malloc(sizeof(block) + capacity);
    if (fresh == NULL) return NULL;
    fresh->previous = arena;
    fresh->capacity = capacity;
    fresh->used = 0;
    arena = fresh;
    arena_total += capacity;
    pthread_once(&arena_once, make_key);
    pthread_setspecific(arena_key, arena);
    return fresh;
}

static void *allocate(size_t size) {
    if (size > SIZE_MAX / 4) abort();
    size_t needed = sizeof(header) + rounded(size);
    if (arena == NULL || arena->capacity - arena->used < needed) {
        size_t capacity = arena == NULL ? FIRST_BLOCK : arena->capacity * 2;
        while (capacity < needed) capacity *= 2;
        if (new_block(capacity) == NULL) abort();
    }
    header *start = (header *)(arena->data + arena->used);
    start->size = rounded(size);
    arena->used += needed;
    return start + 1;
}

static int is_latest(void *pointer) {
    header *start = (header *)pointer - 1;
    return arena != NULL && (unsigned char *)pointer + start->size == arena->data + arena->used;
}

void *sitegen_arena_calloc(size_t count, size_t size) {
    if (size != 0 && count > SIZE_MAX / 4 / size) abort();
    void *pointer = allocate(count * size);
    memset(pointer, 0, count * size);
    return pointer;
}

void *sitegen_arena_realloc(void *pointer, size_t size) {
    if (pointer == NULL) return allocate(size);
    header *start = (header *)pointer - 1;
    size_t old = start->size;
    if (rounded(size) <= old) return pointer;
    if (is_latest(pointer) && arena->capacity - arena->used >= rounded(size) - old) {
        arena->used += rounded(size) - old;
        start->size = rounded(size);
        return pointer;
    }
    void *moved = allocate(size);
    memcpy(moved, pointer, old);
    return moved;
}

void sitegen_arena_free(void *pointer) {
    if (pointer != NULL && is_latest(pointer)) {
        header *start = (header *)pointer - 1;
        arena->used -= sizeof(header) + start->size;
    }
}

void sitegen_arena_reset(void) {
    if (arena == NULL) return;
    if (arena->previous != NULL || arena_total > KEPT_AT_MOST) {
        size_t total = arena_total > KEPT_AT_MOST ? FIRST_BLOCK : arena_total;
        free_blocks(arena);
        arena = NULL;
        arena_total = 0;
        if (new_block(total) == NULL) abort();
    }
    arena->used = 0;
}
