package types

import errorsmod "cosmossdk.io/errors"

// Provider errors. Codes start at 2, ascend in the order they are declared,
// and are never renumbered or reused (errors_test.go checks it).
var (
	ErrUnauthorized            = errorsmod.Register(ModuleName, 2, "unauthorized")
	ErrUnknownConsumerID       = errorsmod.Register(ModuleName, 3, "no consumer with this id")
	ErrInvalidConsumerID       = errorsmod.Register(ModuleName, 4, "invalid consumer id")
	ErrInvalidPhase            = errorsmod.Register(ModuleName, 5, "operation not allowed in the consumer's phase")
	ErrInvalidChainID          = errorsmod.Register(ModuleName, 6, "invalid chain id")
	ErrInvalidMetadata         = errorsmod.Register(ModuleName, 7, "invalid consumer metadata")
	ErrInvalidInitParams       = errorsmod.Register(ModuleName, 8, "invalid consumer initialization parameters")
	ErrInvalidPowerShaping     = errorsmod.Register(ModuleName, 9, "invalid power shaping parameters")
	ErrInvalidInfractionParams = errorsmod.Register(ModuleName, 10, "invalid infraction parameters")
	ErrInvalidRewardDenoms     = errorsmod.Register(ModuleName, 11, "invalid allowlisted reward denoms")
	ErrInvalidParams           = errorsmod.Register(ModuleName, 12, "invalid provider parameters")
	ErrInvalidDeprecatedField  = errorsmod.Register(ModuleName, 13, "deprecated field must be empty")
	ErrInvalidAddress          = errorsmod.Register(ModuleName, 14, "invalid address")
	ErrEmptyValidatorSet       = errorsmod.Register(ModuleName, 15, "consumer validator set is empty")
	ErrNoActiveValidator       = errorsmod.Register(ModuleName, 16, "consumer validator set has no active provider validator")
	ErrConsumerClientCreation  = errorsmod.Register(ModuleName, 17, "cannot create consumer client")
	// 18 is retired (it was never returned); do not reuse it.
	ErrUnknownClientID          = errorsmod.Register(ModuleName, 19, "no consumer for this client id")
	ErrInvalidGenesis           = errorsmod.Register(ModuleName, 20, "invalid provider genesis")
	ErrInvalidTopN              = errorsmod.Register(ModuleName, 21, "top N chains must be owned by governance")
	ErrConsumerChannelNotOpened = errorsmod.Register(ModuleName, 22, "consumer channel is not established")

	// Slashing and evidence.
	ErrUnknownValsetUpdateID    = errorsmod.Register(ModuleName, 23, "unknown valset update id")
	ErrInvalidEvidence          = errorsmod.Register(ModuleName, 24, "invalid equivocation evidence")
	ErrEvidenceBelowMinHeight   = errorsmod.Register(ModuleName, 25, "evidence is below the consumer's minimum evidence height")
	ErrUnknownConsumerValidator = errorsmod.Register(ModuleName, 26, "no provider validator for this consumer address")
	ErrEvidenceAlreadyHandled   = errorsmod.Register(ModuleName, 27, "evidence already handled")
	ErrNoValidatorToPunish      = errorsmod.Register(ModuleName, 28, "evidence punishes no validator")
	ErrInvalidMisbehaviour      = errorsmod.Register(ModuleName, 29, "invalid light-client misbehaviour")

	// Partial set security, key assignment and commission.
	ErrInvalidConsumerKey               = errorsmod.Register(ModuleName, 30, "invalid consumer key")
	ErrConsumerKeyInUse                 = errorsmod.Register(ModuleName, 31, "consumer key is already in use by a validator")
	ErrCannotAssignDefaultKeyAssignment = errorsmod.Register(ModuleName, 32, "cannot assign the provider key before any other key")
	ErrKeyIsProviderKey                 = errorsmod.Register(ModuleName, 33, "consumer key is another provider validator's consensus key")
	ErrNoValidatorProviderAddress       = errorsmod.Register(ModuleName, 34, "no provider validator with this address")
	ErrCannotOptOutFromTopN             = errorsmod.Register(ModuleName, 35, "validator is in the top N and cannot opt out")
	ErrInvalidCommissionRate            = errorsmod.Register(ModuleName, 36, "invalid consumer commission rate")
	ErrNotOptedIn                       = errorsmod.Register(ModuleName, 37, "validator is not opted in")

	// Rewards (codes 40 to 59 are kept for them).
	ErrInvalidChangeRewardDenoms = errorsmod.Register(ModuleName, 40, "invalid reward denoms change")
	ErrRewardAllocation          = errorsmod.Register(ModuleName, 41, "cannot allocate consumer rewards")

	// Equivocation evidence: what exactly is wrong with it.
	ErrInvalidEvidenceSignature  = errorsmod.Register(ModuleName, 70, "evidence signature does not verify for the consumer's chain id")
	ErrVotesNotConflicting       = errorsmod.Register(ModuleName, 71, "votes are not two different votes of one validator at one height, round and step")
	ErrOffenderNotInValidatorSet = errorsmod.Register(ModuleName, 72, "offender is not in the infraction header's validator set")
	ErrNoConsumerClient          = errorsmod.Register(ModuleName, 73, "consumer has no light client on the provider")
)
