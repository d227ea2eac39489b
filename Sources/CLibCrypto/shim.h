#ifndef SMSAUTH_CLIBCRYPTO_SHIM_H
#define SMSAUTH_CLIBCRYPTO_SHIM_H
/* SHA256_Init/Update/Final are deprecated in OpenSSL 3 in favour of EVP, but EVP initialises the default provider
   (about 2 MB of libcrypto touched and kept resident) just to hash; see Digest.swift. */
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/sha.h>
#endif
