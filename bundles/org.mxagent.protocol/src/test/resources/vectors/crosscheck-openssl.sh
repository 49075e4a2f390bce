#!/bin/sh
# Independent check of the signed vectors with OpenSSL 3 (raw Ed25519 via -rawin) and jq; shares no code with Java.
# Run from this folder: sh crosscheck-openssl.sh   (exit status 0 = all values reproduced)
set -eu
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0
check() { # what expected actual
    if [ "$2" = "$3" ]; then echo "ok   $1"; else echo "FAIL $1: expected $2, got $3"; fail=1; fi
}
for vector in signed-exec-request.json signed-task-action.json; do
    # RFC 8410 PKCS#8 prefix + the raw 32-byte seed = a DER private key OpenSSL can load.
    printf '302e020100300506032b657004220420%s' "$(jq -r .seed_hex "$vector")" | xxd -r -p > "$work/seed.der"
    openssl pkey -inform DER -in "$work/seed.der" -out "$work/key.pem"
    check "$vector public_key" "$(jq -r .public_key "$vector")" \
        "$(openssl pkey -in "$work/key.pem" -pubout -outform DER | tail -c 32 | base64 | tr -d '=')"
    check "$vector key_id" "$(jq -r .key_id "$vector")" \
        "mxagent-ed25519:$(openssl pkey -in "$work/key.pem" -pubout -outform DER | tail -c 32 \
            | openssl dgst -sha256 -binary | base64 | tr -d '=')"
    jq -j .signing_bytes "$vector" > "$work/message"
    if [ "$vector" = signed-exec-request.json ]; then
        expected=$(jq -r .signed_content.signature.sig "$vector")
    else
        expected=$(jq -r .authorized_action.authorization.signature.sig "$vector")
    fi
    check "$vector sig" "$expected" \
        "$(openssl pkeyutl -sign -rawin -inkey "$work/key.pem" -in "$work/message" | base64 -w0)"
done
exit $fail
