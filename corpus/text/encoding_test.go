package text

import (
	"os"
	"path/filepath"
	"testing"
)

// TestOtherEncoding: text in a legacy encoding Extract does not read is
// told apart from binary data, so the user hears "save it as UTF-8"
// rather than "binary data".
func TestOtherEncoding(t *testing.T) {
	sjis, err := os.ReadFile(filepath.Join("..", "..", "testdata", "broken", "shift-jis.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if !LooksBinary(sjis) || !OtherEncoding(sjis) {
		t.Errorf("Shift-JIS text: LooksBinary %v, OtherEncoding %v; want true, true", LooksBinary(sjis), OtherEncoding(sjis))
	}
	koi8r := []byte("\xe4\xcf\xc7\xcf\xd7\xcf\xd2 \xcf\xc2 \xcf\xc2\xd3\xcc\xd5\xd6\xc9\xd7\xc1\xce\xc9\xc9\n\n1. \xf0\xd2\xc5\xc4\xcd\xc5\xd4 \xc4\xcf\xc7\xcf\xd7\xcf\xd2\xc1\n")
	if !LooksBinary(koi8r) || !OtherEncoding(koi8r) {
		t.Errorf("KOI8-R text: LooksBinary %v, OtherEncoding %v; want true, true", LooksBinary(koi8r), OtherEncoding(koi8r))
	}
	for _, name := range []string{"image.png", "random.bin", "text.gz"} {
		if OtherEncoding(readFixture(t, name)) {
			t.Errorf("OtherEncoding(%s) = true; want false (binary)", name)
		}
	}
	if OtherEncoding([]byte("plain ASCII text\n")) {
		t.Error("OtherEncoding(ASCII) = true; want false: nothing above 0x7F")
	}
}
