package ccvtesting

import abci "github.com/cometbft/cometbft/abci/types"

// attribute returns the value of key in the first event of type eventType.
func attribute(events []abci.Event, eventType, key string) string {
	for _, e := range events {
		if e.Type != eventType {
			continue
		}
		for _, a := range e.Attributes {
			if a.Key == key {
				return a.Value
			}
		}
	}
	return ""
}
