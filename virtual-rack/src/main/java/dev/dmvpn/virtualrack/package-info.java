/** Emulated IOS 12.3 routers (2691/3725) built on the reference DMVPN peer. Not built yet: see issue list. */
package dev.dmvpn.virtualrack;
