package types

import (
	"fmt"

	"github.com/cosmos/gogoproto/proto"

	errorsmod "cosmossdk.io/errors"

	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"

	abci "github.com/cometbft/cometbft/abci/types"
)

// maxSlashAddressLen bounds the validator address in a slash packet.
const maxSlashAddressLen = 255

// NewValidatorSetChangePacketData builds a VSC packet.
func NewValidatorSetChangePacketData(updates []abci.ValidatorUpdate, valsetUpdateID uint64, slashAcks []string) ValidatorSetChangePacketData {
	return ValidatorSetChangePacketData{
		ValidatorUpdates: updates,
		ValsetUpdateId:   valsetUpdateID,
		SlashAcks:        slashAcks,
	}
}

// Validate checks a VSC packet received from the provider.
func (vsc ValidatorSetChangePacketData) Validate() error {
	// An empty list is fine (the provider may send only slash acks), but a
	// missing one means the packet was not a VSC packet at all.
	if vsc.ValidatorUpdates == nil {
		return errorsmod.Wrap(ErrInvalidPacketData, "validator updates cannot be nil")
	}
	if vsc.ValsetUpdateId == 0 {
		return errorsmod.Wrap(ErrInvalidPacketData, "valset update id cannot be zero")
	}
	return nil
}

// GetBytes returns the packet's wire encoding (proto3 JSON).
func (vsc ValidatorSetChangePacketData) GetBytes() []byte {
	return mustMarshalJSON(&vsc)
}

// UnmarshalValidatorSetChangePacketData decodes and validates VSC packet
// bytes.
func UnmarshalValidatorSetChangePacketData(bz []byte) (ValidatorSetChangePacketData, error) {
	var vsc ValidatorSetChangePacketData
	if err := ModuleCdc.UnmarshalJSON(bz, &vsc); err != nil {
		return vsc, errorsmod.Wrapf(ErrInvalidPacketData, "cannot decode VSC packet data: %s", err)
	}
	if err := vsc.Validate(); err != nil {
		return vsc, err
	}
	return vsc, nil
}

// NewSlashPacketData builds the data of a slash request.
func NewSlashPacketData(validator abci.Validator, valsetUpdateID uint64, infraction stakingtypes.Infraction) *SlashPacketData {
	return &SlashPacketData{Validator: validator, ValsetUpdateId: valsetUpdateID, Infraction: infraction}
}

// Validate checks a slash request received from a consumer.
func (p SlashPacketData) Validate() error {
	if n := len(p.Validator.Address); n == 0 || n > maxSlashAddressLen {
		return errorsmod.Wrapf(ErrInvalidPacketData, "validator address length must be in [1, %d], got %d", maxSlashAddressLen, n)
	}
	if p.Validator.Power == 0 {
		return errorsmod.Wrap(ErrInvalidPacketData, "validator power cannot be zero")
	}
	// vscID 0 is valid: it maps to the height at which the channel was
	// established.
	if p.Infraction != stakingtypes.Infraction_INFRACTION_DOWNTIME &&
		p.Infraction != stakingtypes.Infraction_INFRACTION_DOUBLE_SIGN {
		return errorsmod.Wrapf(ErrInvalidPacketData, "infraction must be downtime or double sign, got %s", p.Infraction)
	}
	return nil
}

// ToV1 converts to the V1 form that consumers put on the wire.
func (p SlashPacketData) ToV1() *SlashPacketDataV1 {
	return &SlashPacketDataV1{
		Validator:      p.Validator,
		ValsetUpdateId: p.ValsetUpdateId,
		Infraction:     infractionToV1(p.Infraction),
	}
}

// FromV1 converts a V1 slash packet to the current form.
func (p SlashPacketDataV1) FromV1() *SlashPacketData {
	return &SlashPacketData{
		Validator:      p.Validator,
		ValsetUpdateId: p.ValsetUpdateId,
		Infraction:     infractionFromV1(p.Infraction),
	}
}

func infractionToV1(i stakingtypes.Infraction) InfractionType {
	switch i {
	case stakingtypes.Infraction_INFRACTION_DOUBLE_SIGN:
		return DoubleSign
	case stakingtypes.Infraction_INFRACTION_DOWNTIME:
		return Downtime
	default:
		return InfractionEmpty
	}
}

func infractionFromV1(i InfractionType) stakingtypes.Infraction {
	switch i {
	case DoubleSign:
		return stakingtypes.Infraction_INFRACTION_DOUBLE_SIGN
	case Downtime:
		return stakingtypes.Infraction_INFRACTION_DOWNTIME
	default:
		return stakingtypes.Infraction_INFRACTION_UNSPECIFIED
	}
}

// NewSlashPacket wraps slash data in a consumer packet.
func NewSlashPacket(data *SlashPacketData) ConsumerPacketData {
	return ConsumerPacketData{Type: SlashPacket, Data: &ConsumerPacketData_SlashPacketData{SlashPacketData: data}}
}

// Validate checks a consumer packet's envelope and payload.
func (cp ConsumerPacketData) Validate() error {
	switch cp.Type {
	case SlashPacket:
		data := cp.GetSlashPacketData()
		if data == nil {
			return errorsmod.Wrap(ErrInvalidPacketData, "slash packet without slash data")
		}
		return data.Validate()
	case VscMaturedPacket:
		data := cp.GetVscMaturedPacketData()
		if data == nil {
			return errorsmod.Wrap(ErrInvalidPacketData, "VSCMatured packet without data")
		}
		if data.ValsetUpdateId == 0 {
			return errorsmod.Wrap(ErrInvalidPacketData, "valset update id cannot be zero")
		}
		return nil
	default:
		return errorsmod.Wrapf(ErrInvalidPacketData, "unknown consumer packet type %d", cp.Type)
	}
}

// GetBytes returns the wire encoding. Slash packets go out in the V1 form,
// which every provider version accepts.
func (cp ConsumerPacketData) GetBytes() []byte {
	v1 := ConsumerPacketDataV1{Type: cp.Type}
	switch data := cp.Data.(type) {
	case *ConsumerPacketData_SlashPacketData:
		v1.Data = &ConsumerPacketDataV1_SlashPacketData{SlashPacketData: data.SlashPacketData.ToV1()}
	case *ConsumerPacketData_VscMaturedPacketData:
		v1.Data = &ConsumerPacketDataV1_VscMaturedPacketData{VscMaturedPacketData: data.VscMaturedPacketData}
	}
	return mustMarshalJSON(&v1)
}

// UnmarshalConsumerPacketData decodes consumer packet bytes in either form:
// the current one (SDK infraction names) or V1 (ccv infraction names).
func UnmarshalConsumerPacketData(bz []byte) (ConsumerPacketData, error) {
	var cp ConsumerPacketData
	errCurrent := ModuleCdc.UnmarshalJSON(bz, &cp)
	if errCurrent == nil {
		return cp, nil
	}
	var v1 ConsumerPacketDataV1
	if err := ModuleCdc.UnmarshalJSON(bz, &v1); err != nil {
		return ConsumerPacketData{}, errorsmod.Wrapf(ErrInvalidPacketData, "cannot decode consumer packet data: %s", errCurrent)
	}
	slash := v1.GetSlashPacketData()
	if slash == nil {
		// Only slash data differs between the forms; anything else should
		// have decoded above.
		return ConsumerPacketData{}, errorsmod.Wrapf(ErrInvalidPacketData, "cannot decode consumer packet data: %s", errCurrent)
	}
	return ConsumerPacketData{
		Type: v1.Type,
		Data: &ConsumerPacketData_SlashPacketData{SlashPacketData: slash.FromV1()},
	}, nil
}

// NewHandshakeMetadata builds the provider's channel version.
func NewHandshakeMetadata(providerFeePoolAddr string) HandshakeMetadata {
	return HandshakeMetadata{ProviderFeePoolAddr: providerFeePoolAddr, Version: Version}
}

// Encode returns the metadata as the channel version string (proto binary).
func (m HandshakeMetadata) Encode() (string, error) {
	bz, err := m.Marshal()
	if err != nil {
		return "", err
	}
	return string(bz), nil
}

// ParseHandshakeMetadata decodes the provider's channel version and checks
// the CCV version it carries.
func ParseHandshakeMetadata(version string) (HandshakeMetadata, error) {
	var md HandshakeMetadata
	if err := md.Unmarshal([]byte(version)); err != nil {
		return md, errorsmod.Wrapf(ErrInvalidHandshakeMetadata, "cannot decode provider version: %s", err)
	}
	if md.Version != Version {
		return md, errorsmod.Wrapf(ErrInvalidVersion, "expected CCV version %q, got %q", Version, md.Version)
	}
	return md, nil
}

// mustMarshalJSON encodes a wire type. Encoding a value of a generated type
// cannot fail, so an error here is a broken invariant.
func mustMarshalJSON(msg proto.Message) []byte {
	bz, err := ModuleCdc.MarshalJSON(msg)
	if err != nil {
		panic(fmt.Errorf("encoding %T: %w", msg, err))
	}
	return bz
}
