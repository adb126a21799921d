package accuracy

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/contractlint/contractlint/rules"
)

// The targets of the review on the labelled dev corpus (issue 4). The
// synthetic set must meet them; the real set is held at the level reached
// so far (see realFloor), below the target of 0.90 accuracy and
// 0.95 presence F1, so that a change that loses ground fails.
const (
	synAccuracy      = 0.95
	synF1            = 0.95
	synCheckAccuracy = 0.80
	quantityTarget   = 0.95
	realAccuracyGoal = 0.90
	realF1Goal       = 0.95
	realAccuracy     = 0.90  // the goal, met: measured 0.903
	realF1           = 0.905 // floor: measured 0.912
)

func TestAccuracy(t *testing.T) {
	set, err := rules.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	rep, err := Run(filepath.Join("..", "..", "testdata", "corpus"), set)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	rep.Write(&out, false)
	t.Log("\n" + out.String())

	syn, real := rep.Sets["synthetic"], rep.Sets["real"]
	if syn == nil || real == nil || syn.N < 700 || real.N < 400 {
		t.Fatalf("corpus incomplete: synthetic %v, real %v", syn, real)
	}
	if a := syn.Accuracy(); a < synAccuracy {
		t.Errorf("synthetic status accuracy %.3f < %.2f", a, synAccuracy)
	}
	if f := syn.F1(); f < synF1 {
		t.Errorf("synthetic presence F1 %.3f < %.2f", f, synF1)
	}
	for check, sets := range rep.PerCheck {
		if s := sets["synthetic"]; s != nil && s.Accuracy() < synCheckAccuracy {
			t.Errorf("%s: synthetic status accuracy %.3f < %.2f", check, s.Accuracy(), synCheckAccuracy)
		}
	}
	qn, qa := syn.QN+real.QN, syn.QAgree+real.QAgree
	if q := float64(qa) / float64(qn); q < quantityTarget {
		t.Errorf("quantity agreement %.3f (%d/%d) < %.2f", q, qa, qn, quantityTarget)
	}
	if a := real.Accuracy(); a < realAccuracy {
		t.Errorf("real status accuracy %.3f fell below the floor %.2f", a, realAccuracy)
	} else if a < realAccuracyGoal {
		t.Logf("real status accuracy %.3f: above the floor, below the goal %.2f", a, realAccuracyGoal)
	}
	if f := real.F1(); f < realF1 {
		t.Errorf("real presence F1 %.3f fell below the floor %.2f", f, realF1)
	} else if f < realF1Goal {
		t.Logf("real presence F1 %.3f: above the floor, below the goal %.2f", f, realF1Goal)
	}
}
