package pdf

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/sha256"
	"crypto/sha512"
	"fmt"

	lpdf "github.com/ledongthuc/pdf"

	"github.com/contractlint/contractlint/corpus"
)

// An encrypted PDF the library cannot open is one of two cases, and the
// user's remedy differs: a file that needs a password to open, and a file
// that opens without one (an owner password only restricts printing or
// copying) but uses AES-256 (revision 5 or 6), which the library cannot
// decrypt. Word, Acrobat and qpdf write AES-256 by default, so the second
// is common; `qpdf --decrypt` removes it without any password.

// encryptionError explains why an encrypted PDF could not be opened; err is
// the library's error.
func encryptionError(path string, data []byte, err error) error {
	v, r, u, ok := encryptDict(data)
	needsPassword := true
	switch {
	case !ok:
		// The dictionary cannot be read: say what the library said.
	case r == 5 || r == 6:
		needsPassword = !emptyUserPassword(r, u)
	case r >= 2 && r <= 4:
		// The library tried the empty password, as every reader does, and
		// it was wrong unless the method itself is what it cannot read.
		needsPassword = err == lpdf.ErrInvalidPassword || err.Error() == lpdf.ErrInvalidPassword.Error()
		if !needsPassword {
			return corpus.Errorf(path, corpus.ErrEncrypted, "the PDF uses an encryption method contractlint cannot read (V %d, R %d); remove it with `qpdf --decrypt` and review the copy", v, r)
		}
	}
	if needsPassword {
		return corpus.Errorf(path, corpus.ErrEncrypted, "the PDF is password-protected; remove the password (or print it to a new PDF) and try again")
	}
	return corpus.Errorf(path, corpus.ErrEncrypted, "the PDF opens without a password but is encrypted with AES-256, which contractlint cannot decrypt; remove it with `qpdf --decrypt` (no password needed) and review the copy")
}

// encryptDict reads the /Encrypt dictionary's V, R and U entries. The
// library refuses to open a file whose encryption it cannot handle, so the
// dictionary is read from a copy in which the trailer's /Encrypt key is
// renamed (same length, so every offset still holds): the library then
// opens the file as unencrypted, and the dictionary's own entries are never
// encrypted.
func encryptDict(data []byte) (v, r int64, u []byte, ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	cp := bytes.ReplaceAll(data, []byte("/Encrypt"), []byte("/Encryp_"))
	rd, err := lpdf.NewReader(bytes.NewReader(cp), int64(len(cp)))
	if err != nil {
		return 0, 0, nil, false
	}
	enc := rd.Trailer().Key("Encryp_")
	if enc.Kind() != lpdf.Dict || enc.Key("Filter").Name() != "Standard" {
		return 0, 0, nil, false
	}
	return enc.Key("V").Int64(), enc.Key("R").Int64(), []byte(enc.Key("U").RawString()), true
}

// emptyUserPassword reports whether the empty password opens an AES-256
// file: the hash of the empty password with the validation salt (bytes
// 32-39 of /U) equals the first 32 bytes of /U (PDF 32000-2, 7.6.4.4.10,
// algorithm 11; revision 5 hashes with SHA-256 alone, revision 6 with
// algorithm 2.B).
func emptyUserPassword(r int64, u []byte) bool {
	if len(u) < 48 {
		return false
	}
	salt := u[32:40]
	var h []byte
	if r == 5 {
		s := sha256.Sum256(salt)
		h = s[:]
	} else {
		h = hash2B(nil, salt, nil)
	}
	return bytes.Equal(h, u[:32])
}

// hash2B is algorithm 2.B of PDF 32000-2 (7.6.4.3.4), the revision 6 hash.
func hash2B(password, salt, udata []byte) []byte {
	first := sha256.Sum256(concat(password, salt, udata))
	k := first[:]
	for round := 1; ; round++ {
		k1 := bytes.Repeat(concat(password, k, udata), 64)
		block, err := aes.NewCipher(k[:16])
		if err != nil {
			panic(fmt.Sprintf("hash2B: %v", err)) // k is at least 32 bytes
		}
		e := make([]byte, len(k1))
		cipher.NewCBCEncrypter(block, k[16:32]).CryptBlocks(e, k1)
		// The first 16 bytes of E as a number, modulo 3: 256 is 1 modulo
		// 3, so the sum of the bytes will do.
		sum := 0
		for _, b := range e[:16] {
			sum += int(b)
		}
		switch sum % 3 {
		case 0:
			s := sha256.Sum256(e)
			k = s[:]
		case 1:
			s := sha512.Sum384(e)
			k = s[:]
		default:
			s := sha512.Sum512(e)
			k = s[:]
		}
		if round >= 64 && int(e[len(e)-1]) <= round-32 {
			return k[:32]
		}
	}
}

func concat(parts ...[]byte) []byte {
	var b []byte
	for _, p := range parts {
		b = append(b, p...)
	}
	return b
}
