// SHA-256's compression function (FIPS 180-4), for LocalEngine's `SHA256`: hashing a
// checkpoint for A1111's "Model hash" must be fast in a debug build too, and this target is
// always compiled with -O3.
#ifndef EASEL_SHA256_H
#define EASEL_SHA256_H

#include <stddef.h>
#include <stdint.h>

/// Runs `blocks` 64-byte message blocks starting at `data` through the compression function,
/// updating the eight working hash words `state` (H0…H7 of FIPS 180-4 §6.2.2) in place.
/// Padding and the message length are the caller's (FIPS 180-4 §5.1.1).
void easel_sha256_blocks(uint32_t state[8], const uint8_t *data, size_t blocks);

#endif
