package docx

import (
	"encoding/xml"
	"strconv"
	"strings"
)

// styleXML is a w:style of word/styles.xml, reduced to what decides whether
// a paragraph is a heading or a list item, how it is numbered and whether
// its text is bold.
type styleXML struct {
	Type    string `xml:"type,attr"`
	ID      string `xml:"styleId,attr"`
	Default string `xml:"default,attr"`
	Name    valXML `xml:"name"`
	BasedOn valXML `xml:"basedOn"`
	PPr     pPrXML `xml:"pPr"`
	RPr     rPrXML `xml:"rPr"`
}

type rPrXML struct {
	B *valXML `xml:"b"`
}

type pPrXML struct {
	NumPr      *numPrXML `xml:"numPr"`
	OutlineLvl *valXML   `xml:"outlineLvl"`
}

type numPrXML struct {
	NumID *valXML `xml:"numId"`
	Ilvl  *valXML `xml:"ilvl"`
}

type valXML struct {
	Val string `xml:"val,attr"`
}

type stylesXML struct {
	DocDefaults struct {
		RPr rPrXML `xml:"rPrDefault>rPr"`
	} `xml:"docDefaults"`
	Styles []styleXML `xml:"style"`
}

// styleInfo is what a paragraph inherits from its style and the styles the
// style is based on.
type styleInfo struct {
	heading int    // heading level, 0 when the style is not a heading
	numID   string // numbering inherited from the style, "" for none
	ilvl    int    // the level given with it, -1 when the style gives none
	list    bool   // a list style ("List Paragraph", "List Number 2")
}

type styles struct {
	byID        map[string]*styleXML
	defaultPara string // the style of paragraphs that name none
	defaultBold bool   // docDefaults make all text bold
	cache       map[string]styleInfo
	boldCache   map[string]bool
}

// parseStyles reads word/styles.xml; data may be nil when the part is
// missing, in which case styles are recognised by their ids alone.
func parseStyles(data []byte) (*styles, error) {
	s := &styles{byID: map[string]*styleXML{}, cache: map[string]styleInfo{}, boldCache: map[string]bool{}}
	if len(data) == 0 {
		return s, nil
	}
	var x stylesXML
	if err := xml.Unmarshal(data, &x); err != nil {
		return nil, err
	}
	if b := x.DocDefaults.RPr.B; b != nil {
		s.defaultBold = on(b.Val)
	}
	for i := range x.Styles {
		st := &x.Styles[i]
		if st.ID == "" {
			continue
		}
		if _, dup := s.byID[st.ID]; !dup {
			s.byID[st.ID] = st
		}
		if st.Default != "" && on(st.Default) && st.Type == "paragraph" && s.defaultPara == "" {
			s.defaultPara = st.ID
		}
	}
	return s, nil
}

// info resolves a paragraph style through its basedOn chain.
func (s *styles) info(id string) styleInfo {
	if inf, ok := s.cache[id]; ok {
		return inf
	}
	inf := styleInfo{ilvl: -1}
	headingDone, numDone := false, false
	seen := 0
	for cur := id; cur != "" && seen < 16; seen++ {
		st := s.byID[cur]
		name := ""
		if st != nil {
			name = st.Name.Val
		}
		if !headingDone {
			if lvl, ok := headingLevel(cur, name); ok {
				inf.heading, headingDone = lvl, true
			} else if st != nil && st.PPr.OutlineLvl != nil {
				// Outline levels 0-8 are heading levels 1-9; 9 is body text.
				if n, err := strconv.Atoi(st.PPr.OutlineLvl.Val); err == nil && n >= 0 && n < 9 {
					inf.heading = n + 1
				}
				headingDone = true
			}
		}
		if isListStyle(cur, name) {
			inf.list = true
		}
		if !numDone && st != nil && st.PPr.NumPr != nil {
			np := st.PPr.NumPr
			if np.NumID != nil {
				inf.numID = np.NumID.Val
				numDone = true
			}
			if np.Ilvl != nil && inf.ilvl < 0 {
				if n, err := strconv.Atoi(np.Ilvl.Val); err == nil {
					inf.ilvl = n
				}
			}
		}
		if st == nil {
			break
		}
		cur = st.BasedOn.Val
	}
	if inf.numID == "0" {
		inf.numID = "" // numbering switched off by the style
	}
	s.cache[id] = inf
	return inf
}

// headingLevel recognises Word's built-in heading styles by id or by name.
// The name in styles.xml is the built-in English one ("heading 2") even when
// the id is localised ("berschrift2", "Titre2") or custom.
func headingLevel(id, name string) (int, bool) {
	for _, s := range [...]string{name, id} {
		l := strings.ToLower(strings.TrimSpace(s))
		if l == "" {
			continue
		}
		if l == "title" {
			return 1, true
		}
		if rest, ok := strings.CutPrefix(l, "heading"); ok {
			rest = strings.TrimSpace(rest)
			if n, err := strconv.Atoi(rest); err == nil && n >= 1 && n <= 9 {
				return n, true
			}
		}
	}
	return 0, false
}

func isListStyle(id, name string) bool {
	n := strings.ToLower(name)
	if n == "" {
		n = strings.ToLower(id)
	}
	return strings.HasPrefix(n, "list")
}

// numStyle returns the numbering a numbering style (w:type="numbering")
// refers to, for abstract numberings that link to one.
func (s *styles) numStyle(id string) string {
	st := s.byID[id]
	if st == nil || st.PPr.NumPr == nil || st.PPr.NumPr.NumID == nil {
		return ""
	}
	return st.PPr.NumPr.NumID.Val
}

// bold says whether a style (paragraph or character) sets its text bold,
// following basedOn; found is false when no style in the chain says.
func (s *styles) bold(id string) (bold, found bool) {
	if id == "" {
		return false, false
	}
	if b, ok := s.boldCache[id]; ok {
		return b, true
	}
	for cur, n := id, 0; cur != "" && n < 16; n++ {
		st := s.byID[cur]
		if st == nil {
			break
		}
		if st.RPr.B != nil {
			b := on(st.RPr.B.Val)
			s.boldCache[id] = b
			return b, true
		}
		cur = st.BasedOn.Val
	}
	return false, false
}

// runBold resolves whether a run's text is bold: its direct formatting
// (direct: -1 when it sets none), then its character style, then its
// paragraph's style, then the document defaults. (Word toggles bold when
// styles at different levels both set it; agreements do not rely on that.)
func (s *styles) runBold(direct int8, charStyle, paraStyle string) bool {
	if direct >= 0 {
		return direct == 1
	}
	if b, ok := s.bold(charStyle); ok {
		return b
	}
	if paraStyle == "" {
		paraStyle = s.defaultPara
	}
	if b, ok := s.bold(paraStyle); ok {
		return b
	}
	return s.defaultBold
}
