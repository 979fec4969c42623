package provider

import "github.com/rampart-ics/rampart/app/base"

// Upgrade is one of the provider's software upgrades.
type Upgrade = base.Upgrade[*ProviderApp]

// Upgrades lists the provider's upgrades, oldest first. There are none yet.
var Upgrades = []Upgrade{}
