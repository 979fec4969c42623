package types_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/rampart-ics/rampart/x/provider/types"
)

// TestErrorCodesAscendAndAreUnique reads errors.go as written: every
// errorsmod.Register call must use this module's codespace, a code from 2 up,
// and a code higher than the one declared before it. Clients match on
// (codespace, code), so a code must never be reused or renumbered; keeping
// them in order makes a reused one stand out in review as well.
func TestErrorCodesAscendAndAreUnique(t *testing.T) {
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "errors.go", nil, 0)
	require.NoError(t, err)

	last := int64(1)
	count := 0
	ast.Inspect(file, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		sel, ok := call.Fun.(*ast.SelectorExpr)
		if !ok || sel.Sel.Name != "Register" {
			return true
		}
		require.Len(t, call.Args, 3, fset.Position(call.Pos()).String())
		space, ok := call.Args[0].(*ast.Ident)
		require.True(t, ok && space.Name == "ModuleName", "%s: codespace must be ModuleName", fset.Position(call.Pos()))
		lit, ok := call.Args[1].(*ast.BasicLit)
		require.True(t, ok, "%s: code must be a literal", fset.Position(call.Pos()))
		code, err := strconv.ParseInt(lit.Value, 10, 32)
		require.NoError(t, err)
		require.Greater(t, code, last, "%s: code %d must be above the previous code %d", fset.Position(call.Pos()), code, last)
		last = code
		count++
		return true
	})
	require.Greater(t, count, 10, "errors.go registers the module's errors")
	require.Equal(t, "provider", types.ModuleName, "the codespace is on the wire")
}
