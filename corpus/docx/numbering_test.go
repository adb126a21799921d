package docx

import "testing"

func TestFormatNumber(t *testing.T) {
	tests := []struct {
		v      int
		format string
		want   string
	}{
		{3, "decimal", "3"},
		{3, "decimalZero", "03"},
		{12, "decimalZero", "12"},
		{1, "lowerLetter", "a"},
		{26, "lowerLetter", "z"},
		{27, "lowerLetter", "aa"}, // Word repeats the letter
		{28, "upperLetter", "BB"},
		{26*maxLetterRepeat + 1, "lowerLetter", "209"}, // too long: digits
		{4, "lowerRoman", "iv"},
		{1999, "upperRoman", "MCMXCIX"},
		{0, "upperRoman", "0"},
		{11, "ordinal", "11th"},
		{22, "ordinal", "22nd"},
		{21, "cardinalText", "Twenty-One"},
		{20, "ordinalText", "Twentieth"},
		{3, "ordinalText", "Third"},
		{7, "none", ""},
		{7, "bullet", ""},
		{2, "decimalEnclosedParen", "(2)"},
		{5, "someFutureFormat", "5"},
	}
	for _, tt := range tests {
		if got := formatNumber(tt.v, tt.format); got != tt.want {
			t.Errorf("formatNumber(%d, %s) = %q, want %q", tt.v, tt.format, got, tt.want)
		}
	}
}
