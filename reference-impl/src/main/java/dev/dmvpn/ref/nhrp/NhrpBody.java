package dev.dmvpn.ref.nhrp;

/**
 * What follows the fixed header up to the extensions (or the packet end): the mandatory part with CIEs for
 * types 1-6, the Error Indication and Traffic Indication layouts, or opaque bytes for unknown types.
 */
public sealed interface NhrpBody
    permits NhrpMandatoryPart, NhrpErrorIndication, NhrpTrafficIndication, NhrpOpaqueBody {}
