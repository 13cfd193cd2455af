package dev.dmvpn.virtualrack.rack;

import dev.dmvpn.virtualrack.router.Chassis;

/**
 * One router of a rack: its chassis and its NVRAM text ({@code null}: never saved, the console asks the initial
 * configuration dialog). The text is what a router would hold: no {@code show run} header lines.
 */
public record RackRouter(String name, Chassis chassis, String startup) {}
