package consumer

import "github.com/rampart-ics/rampart/app/base"

// Upgrade is one of the consumer's software upgrades.
type Upgrade = base.Upgrade[*ConsumerApp]

// Upgrades lists the consumer's upgrades, oldest first. There are none yet.
var Upgrades = []Upgrade{}
