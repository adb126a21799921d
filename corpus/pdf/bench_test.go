package pdf

import (
	"os"
	"path/filepath"
	"testing"
)

func benchExtract(b *testing.B, files []string) {
	datas := make([][]byte, len(files))
	size := 0
	for i, f := range files {
		d, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		datas[i] = d
		size += len(d)
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for j, d := range datas {
			if _, err := Extract(files[j], d); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkExtractCorpus extracts every corpus PDF.
func BenchmarkExtractCorpus(b *testing.B) { benchExtract(b, corpusPDFs(b)) }

// BenchmarkExtractLarge extracts the 148-page synthetic agreement.
func BenchmarkExtractLarge(b *testing.B) {
	benchExtract(b, []string{filepath.Join("..", "..", "testdata", "corpus", "synthetic", "docs", "syn-17-meridian-large.pdf")})
}
