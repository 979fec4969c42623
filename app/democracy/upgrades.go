package democracy

import "github.com/rampart-ics/rampart/app/base"

// Upgrade is one of the democracy consumer's software upgrades.
type Upgrade = base.Upgrade[*DemocracyApp]

// Upgrades lists the democracy consumer's upgrades, oldest first. There are
// none yet.
var Upgrades = []Upgrade{}
