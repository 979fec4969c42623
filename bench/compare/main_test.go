package main

import (
	"strings"
	"testing"
)

// Output as go test prints it, with the lines that are not results around
// the results.
const rampartOut = `goos: linux
goarch: amd64
pkg: github.com/rampart-ics/rampart/x/provider/keeper
cpu: Some CPU @ 2.00GHz
BenchmarkEpoch/consumers=1/validators=200-2         	      10	  10000000 ns/op	        10.00 ms/epoch	  500000 B/op	    6000 allocs/op
BenchmarkEpoch/consumers=50/validators=200-2        	      10	 170000000 ns/op	       170.0 ms/epoch	 9000000 B/op	  300000 allocs/op
PASS
ok  	github.com/rampart-ics/rampart/x/provider/keeper	12.3s
`

const incumbentOut = `BenchmarkEpoch/consumers=1/validators=200-2         	      10	  20000000 ns/op	        20.00 ms/epoch	  700000 B/op	    8000 allocs/op
BenchmarkEpoch/consumers=50/validators=200-2        	      10	 680000000 ns/op	       680.0 ms/epoch	 9000000 B/op	 1234567 allocs/op
BenchmarkEpoch/consumers=1/validators=500           	      10	  30000000 ns/op	  700000 B/op	    9000 allocs/op
BenchmarkEpoch/consumers=10/validators=200-2        	      10	2500000000 ns/op	    2500 ms/epoch	  1 B/op	    2 allocs/op
`

func TestParseAndRender(t *testing.T) {
	r, i := results{}, results{}
	for _, out := range []string{rampartOut, rampartOut, rampartOut} {
		if err := parseInto(r, out); err != nil {
			t.Fatal(err)
		}
	}
	if err := parseInto(i, incumbentOut); err != nil {
		t.Fatal(err)
	}
	if got := len(r[caseKey{50, 200}].ms); got != 3 {
		t.Fatalf("3 runs parsed into %d samples", got)
	}
	// Without the custom metric, ns/op gives the time.
	if got := i[caseKey{1, 500}].ms[0]; got != 30 {
		t.Fatalf("ms from ns/op: got %v, want 30", got)
	}

	table := render(header{Count: 3, Benchtime: "10x", BenchRegex: benchRegexp}, r, i)
	for _, row := range []string{
		"| 1 x 200 | 10.0 | 20.0 | 0.50 | 6,000 | 8,000 |",
		"| 50 x 200 | 170.0 | 680.0 | 0.25 | 300,000 | 1,234,567 |",
		"| 10 x 200 | n/a | 2,500 | n/a | n/a | 2 |",   // thousands of ms without decimals
		"| 1 x 500 | n/a | 30.0 | n/a | n/a | 9,000 |", // a case Rampart does not run
	} {
		if !strings.Contains(table, row+"\n") {
			t.Errorf("table lacks %q:\n%s", row, table)
		}
	}
	// Rows by validators, then consumers.
	if strings.Index(table, "| 50 x 200") > strings.Index(table, "| 1 x 500") {
		t.Errorf("rows out of order:\n%s", table)
	}
}

func TestParseRejectsResultsWithoutAllocs(t *testing.T) {
	err := parseInto(results{}, "BenchmarkEpoch/consumers=1/validators=200-2 10 100 ns/op\n")
	if err == nil || !strings.Contains(err.Error(), "benchmem") {
		t.Fatalf("want an error naming -benchmem, got %v", err)
	}
}

func TestMedian(t *testing.T) {
	for _, c := range []struct {
		in   []float64
		want float64
	}{
		{[]float64{3}, 3},
		{[]float64{5, 1, 3}, 3},
		{[]float64{4, 1, 3, 2}, 2.5},
	} {
		if got := median(c.in); got != c.want {
			t.Errorf("median(%v) = %v, want %v", c.in, got, c.want)
		}
	}
}

func TestReplaceBetweenMarkers(t *testing.T) {
	doc := "# Doc\n\nintro\n" + beginMarker + "\nold table\n" + endMarker + "\n\nafter\n"
	got, err := replaceBetweenMarkers(doc, "| new |\n")
	if err != nil {
		t.Fatal(err)
	}
	want := "# Doc\n\nintro\n" + beginMarker + "\n| new |\n" + endMarker + "\n\nafter\n"
	if got != want {
		t.Fatalf("got:\n%s\nwant:\n%s", got, want)
	}
	// Running twice gives the same document.
	again, err := replaceBetweenMarkers(got, "| new |\n")
	if err != nil || again != got {
		t.Fatalf("not idempotent: %v\n%s", err, again)
	}
	for _, bad := range []string{
		"no markers",
		endMarker + "\n" + beginMarker,
		beginMarker + beginMarker + endMarker,
	} {
		if _, err := replaceBetweenMarkers(bad, "x"); err == nil {
			t.Errorf("no error for %q", bad)
		}
	}
}
