package pdf

import (
	"fmt"
	"io"

	lpdf "github.com/ledongthuc/pdf"
)

// A PDF's streams are compressed, and the library inflates a content
// stream as it reads it, holding each token whole: a string of 512 MiB of
// one letter deflates to half a megabyte, and reading it took 3.5 GB
// before a fatal out-of-memory error (no recover stops that). So a
// content stream is first inflated into nothing, counting, and refused
// when it decompresses beyond the limit; only then is it interpreted.
// Most streams need no second inflation: deflate cannot expand its input
// more than 1032 times, so a stream whose stored length and filters bound
// it below the limit is admitted unread.

// maxCMapSize bounds a CMap stream, decompressed. A full CJK ToUnicode
// CMap is one or two megabytes.
const maxCMapSize = 16 << 20

// maxShowBytes bounds the bytes of one string drawn (Tj, TJ, ', "): an
// agreement's strings are a line or a paragraph; each byte beyond would
// cost a decoded code of some 40 bytes.
const maxShowBytes = 64 << 10

// streamTooLarge is the panic that stops a page whose content stream
// decompresses beyond the limit; readPage recovers it.
type streamTooLarge struct{ limit int64 }

func (e streamTooLarge) Error() string {
	return fmt.Sprintf("a content stream decompresses beyond the %s limit", sizeText(e.limit))
}

// within reports whether strm (a stream, or an array of streams read one
// after the other) decompresses to at most limit bytes; a limit of 0 or
// less admits anything. A stream that cannot be read counts as within:
// reading it for real reports the fault.
func within(strm lpdf.Value, limit int64) bool {
	if limit <= 0 {
		return true
	}
	total := int64(0)
	count := func(v lpdf.Value) bool {
		if b, ok := bound(v); ok && total+b <= limit {
			total += b
			return true
		}
		rc := v.Reader()
		defer rc.Close()
		n, _ := io.Copy(io.Discard, io.LimitReader(rc, limit-total+1))
		total += n
		return total <= limit
	}
	if strm.Kind() == lpdf.Array {
		for i := 0; i < strm.Len(); i++ {
			if !count(strm.Index(i)) {
				return false
			}
		}
		return true
	}
	return count(strm)
}

// maxFlateRatio is more than deflate's largest expansion (1032:1).
const maxFlateRatio = 1040

// bound is the most v can decompress to, from its stored /Length and its
// filters; ok is false when a filter's expansion is not known.
func bound(v lpdf.Value) (n int64, ok bool) {
	if v.Kind() != lpdf.Stream {
		return 0, false
	}
	n = v.Key("Length").Int64()
	if n < 0 {
		return 0, false
	}
	grow := func(name string) bool {
		switch name {
		case "FlateDecode":
			if n > (1<<62)/maxFlateRatio {
				return false
			}
			n *= maxFlateRatio
		case "ASCII85Decode": // 5 characters make 4 bytes
		default:
			return false
		}
		return true
	}
	switch f := v.Key("Filter"); f.Kind() {
	case lpdf.Null:
	case lpdf.Name:
		if !grow(f.Name()) {
			return 0, false
		}
	case lpdf.Array:
		for i := 0; i < f.Len(); i++ {
			if !grow(f.Index(i).Name()) {
				return 0, false
			}
		}
	default:
		return 0, false
	}
	return n, true
}

// sizeText prints a limit for people: "64 MiB".
func sizeText(n int64) string {
	if n >= 1<<20 && n%(1<<20) == 0 {
		return fmt.Sprintf("%d MiB", n>>20)
	}
	return fmt.Sprintf("%d bytes", n)
}
